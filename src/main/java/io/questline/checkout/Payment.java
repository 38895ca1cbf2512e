package io.questline.checkout;

import java.time.Instant;
import java.util.UUID;

/**
 * One checkout, as stored.
 *
 * @param id our payment id
 * @param userId the buyer, the only user who may see it
 * @param productCode what was bought
 * @param amount the catalog price when it was created, in minor units
 * @param currency the catalog currency
 * @param state {@code created}, {@code succeeded}, {@code failed}, {@code canceled},
 * {@code refunded}, {@code partially_refunded} or {@code disputed}
 * @param paymentIntentId Stripe's PaymentIntent, once created
 * @param grantedAt when what was bought was granted, at most once
 * @param coinsGranted millicoins granted
 * @param freezesGranted streak freezes granted
 * @param refundedAmount minor units refunded so far
 * @param refundCount refunds recorded so far
 * @param coinsReversed millicoins taken back by refunds and disputes
 * @param coinsShortfall millicoins that could not be taken back (already spent)
 * @param itemsReversed whether the freeze or boost has been taken back
 * @param createdAt when the checkout began
 */
record Payment(UUID id, UUID userId, String productCode, long amount, String currency, String state,
		String paymentIntentId, Instant grantedAt, long coinsGranted, int freezesGranted, long refundedAmount,
		int refundCount, long coinsReversed, long coinsShortfall, boolean itemsReversed, Instant createdAt) {

	static final String CREATED = "created";

	static final String SUCCEEDED = "succeeded";

	static final String FAILED = "failed";

	static final String CANCELED = "canceled";

	static final String REFUNDED = "refunded";

	static final String PARTIALLY_REFUNDED = "partially_refunded";

	static final String DISPUTED = "disputed";

	boolean granted() {
		return this.grantedAt != null;
	}

	/** Still waiting for Stripe to say it succeeded: the only states a grant leaves. */
	boolean awaitingSuccess() {
		return CREATED.equals(this.state) || FAILED.equals(this.state) || CANCELED.equals(this.state);
	}

	long refundable() {
		return this.amount - this.refundedAmount;
	}

}
