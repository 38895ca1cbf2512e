package io.questline.checkout;

import java.time.Clock;
import java.util.UUID;

import io.questline.checkout.CheckoutProperties.Product;
import io.questline.checkout.StripeGateway.Intent;
import io.questline.shared.web.ApiException;
import io.questline.shared.web.InvalidRequestException;
import io.questline.shared.web.NotFoundException;
import io.questline.streaks.StreakFreezes;
import io.questline.streaks.StreakFreezes.FreezeLimitReachedException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Starts checkouts and verifies them with Stripe. Neither runs inside a database
 * transaction while it waits for Stripe: the payment row is written before the call and
 * the grant is its own short transaction after it.
 */
@Service
class Checkout {

	private final Payments payments;

	private final StripeGateway stripe;

	private final Fulfillment fulfillment;

	private final StreakFreezes freezes;

	private final CheckoutProperties properties;

	private final Clock clock;

	Checkout(Payments payments, StripeGateway stripe, Fulfillment fulfillment, StreakFreezes freezes,
			CheckoutProperties properties, Clock clock) {
		this.payments = payments;
		this.stripe = stripe;
		this.fulfillment = fulfillment;
		this.freezes = freezes;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Starts (or, for a repeated idempotency key, resumes) a checkout at the catalog
	 * price. The payment row is keyed on the user and the idempotency key, and the
	 * PaymentIntent on the payment id, so a retry never makes a second charge even when
	 * the first attempt failed half-way.
	 */
	Started create(UUID userId, String productCode, String idempotencyKey) {
		this.stripe.requireConfigured();
		Product product = this.properties.product(productCode)
			.orElseThrow(() -> new InvalidRequestException("productCode", "is not a product of the catalog"));
		if (product.freezes() > 0 && this.freezes.held(userId) + product.freezes() > StreakFreezes.MAX_HELD) {
			throw new FreezeLimitReachedException();
		}
		this.payments.insertIfAbsent(UUID.randomUUID(), userId, idempotencyKey, productCode, product.amount(),
				product.currency(), this.clock.instant());
		Payment payment = this.payments.findByKey(userId, idempotencyKey).orElseThrow();
		if (!payment.productCode().equals(productCode)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was used for another product.");
		}
		Intent intent = (payment.paymentIntentId() != null) ? this.stripe.retrieveIntent(payment.paymentIntentId())
				: this.stripe.createIntent(payment);
		this.payments.attachIntent(payment.id(), intent.id(), this.clock.instant());
		return new Started(payment, intent.clientSecret(), this.stripe.publishableKey());
	}

	/**
	 * Asks Stripe how the payment stands and grants it, at most once, if it succeeded and
	 * matches what we sold.
	 * @throws NotFoundException when the payment is not the caller's
	 * @throws PaymentMismatchException when the PaymentIntent differs from the payment
	 */
	Payment verify(UUID userId, UUID paymentId) {
		this.stripe.requireConfigured();
		Payment payment = this.payments.find(paymentId)
			.filter((found) -> found.userId().equals(userId))
			.orElseThrow(() -> new NotFoundException("Payment"));
		if (payment.paymentIntentId() == null || !payment.awaitingSuccess()) {
			return payment;
		}
		Intent intent = this.stripe.retrieveIntent(payment.paymentIntentId());
		if ("canceled".equals(intent.status())) {
			this.fulfillment.canceled(paymentId);
			return this.payments.find(paymentId).orElseThrow();
		}
		Fulfillment.Outcome outcome = this.fulfillment.fulfil(paymentId, intent);
		if (outcome.mismatch()) {
			throw new PaymentMismatchException();
		}
		return outcome.payment();
	}

	/**
	 * A checkout ready for the client to confirm.
	 *
	 * @param payment our payment
	 * @param clientSecret the PaymentIntent's client secret
	 * @param publishableKey the key the client uses with Stripe.js
	 */
	record Started(Payment payment, String clientSecret, String publishableKey) {

	}

}
