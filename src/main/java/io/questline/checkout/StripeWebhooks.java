package io.questline.checkout;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import io.questline.checkout.StripeGateway.Intent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies Stripe's events. Each event id is noted in the transaction of its effect, so a
 * repeat does nothing; each effect only moves a payment forward (a succeeded payment
 * never goes back; refund totals only grow), so events arriving out of order do no harm.
 * Events of other types, or about payments not ours, are acknowledged and ignored.
 */
@Service
class StripeWebhooks {

	private static final Logger logger = LoggerFactory.getLogger(StripeWebhooks.class);

	private final Payments payments;

	private final Fulfillment fulfillment;

	private final Clock clock;

	StripeWebhooks(Payments payments, Fulfillment fulfillment, Clock clock) {
		this.payments = payments;
		this.fulfillment = fulfillment;
		this.clock = clock;
	}

	@Transactional
	void handle(Event event) {
		if (event.getId() == null || event.getType() == null) {
			throw new InvalidEventException();
		}
		if (!this.payments.markEventHandled(event.getId(), event.getType(), this.clock.instant())) {
			return;
		}
		switch (event.getType()) {
			case "payment_intent.succeeded" -> {
				Intent intent = Intent.of(object(event, PaymentIntent.class));
				paymentOf(intent).ifPresent((paymentId) -> {
					if (this.fulfillment.fulfil(paymentId, intent).mismatch()) {
						logger.warn("Event {} for a PaymentIntent that does not match its payment", event.getId());
					}
				});
			}
			case "payment_intent.payment_failed" ->
				paymentOf(Intent.of(object(event, PaymentIntent.class))).ifPresent(this.fulfillment::failed);
			case "payment_intent.canceled" ->
				paymentOf(Intent.of(object(event, PaymentIntent.class))).ifPresent(this.fulfillment::canceled);
			case "charge.refunded" -> {
				Charge charge = object(event, Charge.class);
				locked(charge.getPaymentIntent()).ifPresent((payment) -> this.fulfillment.refunded(payment,
						(charge.getAmountRefunded() != null) ? charge.getAmountRefunded() : 0,
						"stripe:charge:" + charge.getId() + ":refunded:" + charge.getAmountRefunded(), null));
			}
			case "charge.dispute.created" -> {
				Dispute dispute = object(event, Dispute.class);
				locked(dispute.getPaymentIntent())
					.ifPresent((payment) -> this.fulfillment.disputed(payment, "stripe:dispute:" + dispute.getId()));
			}
			default -> logger.debug("Ignoring Stripe event type {}", event.getType());
		}
	}

	private Optional<UUID> paymentOf(Intent intent) {
		UUID fromMetadata = StripeGateway.uuidOrNull(intent.metadata().get(StripeGateway.PAYMENT_ID));
		Optional<UUID> paymentId = (fromMetadata != null) ? Optional.of(fromMetadata)
				: Optional.ofNullable(intent.id()).flatMap(this.payments::idOfIntent);
		Optional<UUID> ours = paymentId.filter((id) -> this.payments.find(id).isPresent());
		if (ours.isEmpty()) {
			logger.info("Stripe event for PaymentIntent {} that is not one of our payments", intent.id());
		}
		return ours;
	}

	private Optional<Payment> locked(String paymentIntentId) {
		Optional<Payment> payment = Optional.ofNullable(paymentIntentId)
			.flatMap(this.payments::idOfIntent)
			.flatMap(this.payments::lock);
		if (payment.isEmpty()) {
			logger.info("Stripe event for PaymentIntent {} that is not one of our payments", paymentIntentId);
		}
		return payment;
	}

	private static <T extends StripeObject> T object(Event event, Class<T> type) {
		try {
			StripeObject object = event.getDataObjectDeserializer().getObject().orElse(null);
			if (object == null) {
				// Sent with another API version than this client's: the fields read here
				// are stable across versions.
				object = event.getDataObjectDeserializer().deserializeUnsafe();
			}
			if (!type.isInstance(object)) {
				throw new InvalidEventException();
			}
			return type.cast(object);
		}
		catch (InvalidEventException ex) {
			throw ex;
		}
		catch (EventDataObjectDeserializationException | RuntimeException ex) {
			throw new InvalidEventException();
		}
	}

}
