package io.questline.checkout;

import java.util.Map;
import java.util.UUID;

import io.questline.support.Api;
import io.questline.support.MutableClock;
import io.questline.support.StripeStandIn;
import io.questline.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps the checkout tests share: buying through the API, paying at the stand-in, and
 * posting webhooks signed as Stripe signs them.
 */
final class CheckoutKit {

	static final String WEBHOOK_SECRET = "whsec_fake_test";

	private final Api api;

	private final StripeStandIn stripe;

	private final Payments payments;

	private final MutableClock clock;

	CheckoutKit(Api api, StripeStandIn stripe, Payments payments, MutableClock clock) {
		this.api = api;
		this.stripe = stripe;
		this.payments = payments;
		this.clock = clock;
	}

	/** Starts a checkout and returns our payment id. */
	UUID create(TestUser user, String productCode) {
		Api.Response response = this.api.post("/api/checkout/create", Map.of("productCode", productCode))
			.as(user)
			.idempotencyKey("create-" + UUID.randomUUID())
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return UUID.fromString(response.json().get("paymentId").asString());
	}

	String intentOf(UUID paymentId) {
		return this.payments.find(paymentId).orElseThrow().paymentIntentId();
	}

	Payment payment(UUID paymentId) {
		return this.payments.find(paymentId).orElseThrow();
	}

	/** Creates a checkout and has the buyer pay it at Stripe; returns our payment id. */
	UUID paid(TestUser user, String productCode) {
		UUID paymentId = create(user, productCode);
		this.stripe.succeed(intentOf(paymentId));
		return paymentId;
	}

	Api.Response verify(TestUser user, UUID paymentId) {
		return this.api.post("/api/checkout/verify", Map.of("paymentId", paymentId)).as(user).send();
	}

	/** Pays and verifies: the grant is done when it returns. */
	UUID bought(TestUser user, String productCode) {
		UUID paymentId = paid(user, productCode);
		Api.Response response = verify(user, paymentId);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("granted").asBoolean()).isTrue();
		return paymentId;
	}

	Api.Response webhook(String payload) {
		return webhook(payload, StripeStandIn.sign(payload, WEBHOOK_SECRET, this.clock.instant().getEpochSecond()));
	}

	Api.Response webhook(String payload, String signature) {
		Api.Request request = this.api.post("/api/webhooks/stripe", payload);
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return request.send();
	}

	/**
	 * A payment_intent.* event carrying the PaymentIntent as the stand-in holds it now.
	 */
	String intentEvent(String eventId, String type, UUID paymentId) {
		return StripeStandIn.event(eventId, type, this.stripe.intent(intentOf(paymentId)));
	}

	static String eventId() {
		return "evt_test" + UUID.randomUUID().toString().replace("-", "");
	}

}
