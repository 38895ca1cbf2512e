package io.questline.checkout;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.questline.checkout.CheckoutProperties.Product;
import io.questline.checkout.StripeGateway.Intent;
import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.shared.web.NotFoundException;
import io.questline.streaks.StreakFreezes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants what a payment bought, and takes back what remains of it on a refund or a
 * dispute. Verify and the webhook both grant through {@link #fulfil}, which locks the
 * payment row first: whichever comes second finds it granted, so a payment is granted
 * once however the two race. The ledger reference {@code stripe:pi:<id>} guards the coins
 * a second time.
 */
@Service
class Fulfillment {

	private static final Logger logger = LoggerFactory.getLogger(Fulfillment.class);

	private final Payments payments;

	private final MiningBoosts boosts;

	private final Ledger ledger;

	private final StreakFreezes freezes;

	private final CheckoutProperties properties;

	private final Clock clock;

	Fulfillment(Payments payments, MiningBoosts boosts, Ledger ledger, StreakFreezes freezes,
			CheckoutProperties properties, Clock clock) {
		this.payments = payments;
		this.boosts = boosts;
		this.ledger = ledger;
		this.freezes = freezes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Grants a payment whose PaymentIntent Stripe reports as succeeded, once, if the
	 * PaymentIntent matches the payment (amount, currency, metadata).
	 * @param paymentId our payment
	 * @param intent the PaymentIntent as Stripe gave it (retrieved, or in a signed event)
	 * @return the outcome, with the payment after it
	 */
	@Transactional
	Outcome fulfil(UUID paymentId, Intent intent) {
		Payment payment = this.payments.lock(paymentId).orElseThrow(() -> new NotFoundException("Payment"));
		if (!payment.awaitingSuccess() || !"succeeded".equals(intent.status())) {
			return new Outcome(payment, false);
		}
		if (!intent.matches(payment)) {
			logger.warn("PaymentIntent {} does not match payment {}: nothing granted", intent.id(), payment.id());
			return new Outcome(payment, true);
		}
		Product product = this.properties.product(payment.productCode())
			.orElseThrow(() -> new IllegalStateException("Product " + payment.productCode() + " left the catalog"));
		Instant now = this.clock.instant();
		long coins = 0;
		if (product.coins() > 0) {
			coins = product.millicoins();
			this.ledger.credit(payment.userId(), SystemAccount.PAYMENTS, coins, "payment", "stripe:pi:" + intent.id());
		}
		int freezesGranted = 0;
		String note = null;
		for (int i = 0; i < product.freezes(); i++) {
			// Checked before granting: StreakFreezes.grant would throw and roll back the
			// whole grant of a payment that did succeed.
			if (this.freezes.held(payment.userId()) >= StreakFreezes.MAX_HELD) {
				note = "freeze_limit_reached";
				logger.warn("Payment {} paid for a freeze the user cannot hold: refund it", payment.id());
				break;
			}
			this.freezes.grant(payment.userId());
			freezesGranted++;
		}
		if (product.boosts()) {
			this.boosts.grant(payment.id(), payment.userId(), product.boostFactor(), product.boostDuration(), now);
		}
		this.payments.markGranted(payment.id(), intent.id(), coins, freezesGranted, note, now);
		return new Outcome(this.payments.find(paymentId).orElseThrow(), false);
	}

	/**
	 * Stripe reports the payment attempt failed; the buyer may still retry it, so a later
	 * success is granted. A payment past success is left as it is.
	 */
	@Transactional
	void failed(UUID paymentId) {
		this.payments.lock(paymentId)
			.filter((payment) -> Payment.CREATED.equals(payment.state()))
			.ifPresent((payment) -> this.payments.changeState(payment.id(), Payment.FAILED, this.clock.instant()));
	}

	@Transactional
	void canceled(UUID paymentId) {
		this.payments.lock(paymentId)
			.filter((payment) -> Payment.CREATED.equals(payment.state()) || Payment.FAILED.equals(payment.state()))
			.ifPresent((payment) -> this.payments.changeState(payment.id(), Payment.CANCELED, this.clock.instant()));
	}

	/**
	 * Brings a payment's refunds up to a total Stripe has refunded, taking back the part
	 * of the grant that total pays for. Totals only grow, so an admin refund and the
	 * {@code charge.refunded} event that follows it (in either order) take back once.
	 * @param payment the payment, locked by the caller
	 * @param refundedTotal what Stripe has refunded of it in all, in minor units
	 * @param reference unique for this refund ({@code stripe:refund:<id>}, ...)
	 * @param stripeRefundId Stripe's refund, if known
	 * @return the payment after it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Payment refunded(Payment payment, long refundedTotal, String reference, String stripeRefundId) {
		long total = Math.min(refundedTotal, payment.amount());
		Instant now = this.clock.instant();
		if (total <= payment.refundedAmount()) {
			// Already taken back (the webhook came first); remember the refund id for
			// retries.
			this.payments.insertReversal(payment.id(), reference, "refund", stripeRefundId, 0, 0, 0, now);
			return payment;
		}
		long target = payment.coinsGranted() * total / payment.amount();
		String state = Payment.DISPUTED.equals(payment.state()) ? Payment.DISPUTED
				: (total >= payment.amount()) ? Payment.REFUNDED : Payment.PARTIALLY_REFUNDED;
		return takeBack(payment, target, total, total - payment.refundedAmount(), state, reference, "refund",
				stripeRefundId, now);
	}

	/**
	 * A buyer disputed the charge: Stripe has taken the money back, so all that remains
	 * of the grant is taken back too.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Payment disputed(Payment payment, String reference) {
		if (Payment.DISPUTED.equals(payment.state())) {
			return payment;
		}
		return takeBack(payment, payment.coinsGranted(), payment.refundedAmount(), 0, Payment.DISPUTED, reference,
				"dispute", null, this.clock.instant());
	}

	private Payment takeBack(Payment payment, long coinsTarget, long refundedTotal, long amount, String state,
			String reference, String kind, String stripeRefundId, Instant now) {
		long owed = Math.max(0, coinsTarget - payment.coinsReversed() - payment.coinsShortfall());
		// Coins already spent cannot be taken back: the balance never goes below zero, so
		// the part missing is recorded as a shortfall for operators.
		long debit = Math.min(owed, this.ledger.balanceOf(payment.userId()));
		long shortfall = owed - debit;
		if (!this.payments.insertReversal(payment.id(), reference, kind, stripeRefundId, amount, debit, shortfall,
				now)) {
			return payment;
		}
		if (debit > 0) {
			this.ledger.debit(payment.userId(), SystemAccount.PAYMENTS, debit, kind, reference);
		}
		boolean takeItems = payment.granted() && !payment.itemsReversed();
		if (takeItems) {
			for (int i = 0; i < payment.freezesGranted(); i++) {
				this.freezes.revoke(payment.userId());
			}
			this.boosts.end(payment.id(), now);
		}
		if (shortfall > 0) {
			logger.warn("Payment {}: {} millicoins already spent could not be taken back", payment.id(), shortfall);
		}
		this.payments.applyReversal(payment.id(), state, refundedTotal, "refund".equals(kind), debit, shortfall,
				takeItems, now);
		return this.payments.find(payment.id()).orElseThrow();
	}

	/**
	 * What a grant attempt did.
	 *
	 * @param payment the payment after it
	 * @param mismatch whether the PaymentIntent did not match the payment
	 */
	record Outcome(Payment payment, boolean mismatch) {

	}

}
