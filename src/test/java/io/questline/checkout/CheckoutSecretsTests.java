package io.questline.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.StripeStandIn;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CheckoutSecretsTests {

	private static final List<String> SECRETS = List.of("sk_test_fake", "whsec_fake_test");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	StripeStandIn stripe;

	@Autowired
	Payments payments;

	@Autowired
	Ledger ledger;

	@Autowired
	MutableClock clock;

	@AfterEach
	void restore() {
		this.stripe.reset();
		assertThat(this.ledger.check().holds()).isTrue();
	}

	@Test
	void theSecretKeysAreNeverLoggedNorSentAndClientSecretsAreNeverLogged(CapturedOutput output) {
		CheckoutKit kit = new CheckoutKit(this.api, this.stripe, this.payments, this.clock);
		TestUser user = this.users.create();
		TestUser admin = this.users.admin();
		List<Api.Response> responses = new ArrayList<>();
		Api.Response created = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send();
		responses.add(created);
		UUID paymentId = UUID.fromString(created.json().get("paymentId").asString());
		String clientSecret = created.json().get("clientSecret").asString();
		assertThat(created.json().get("publishableKey").asString()).isEqualTo("pk_test_fake");
		this.stripe.succeed(kit.intentOf(paymentId));
		String event = kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		responses.add(kit.webhook(event, StripeStandIn.sign(event, "whsec_forged", 1)));
		responses.add(kit.webhook(event));
		responses.add(kit.verify(user, paymentId));
		this.stripe.set(kit.intentOf(paymentId), "amount", 1);
		this.stripe.mode(StripeStandIn.Mode.ERROR);
		responses.add(kit.verify(user, paymentId));
		responses.add(this.api.post("/api/admin/payments/refund", Map.of("paymentId", paymentId)).as(admin).send());
		this.stripe.mode(StripeStandIn.Mode.DOWN);
		responses.add(this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send());
		this.stripe.reset();
		responses.add(this.api.post("/api/admin/payments/refund", Map.of("paymentId", paymentId)).as(admin).send());
		assertThat(responses).extracting(Api.Response::status).contains(200, 201, 400, 502, 503);
		for (Api.Response response : responses) {
			for (String secret : SECRETS) {
				assertThat(response.text()).doesNotContain(secret);
				assertThat(response.headers().toString()).doesNotContain(secret);
			}
		}
		// The failures above were logged, so the capture did see the log.
		assertThat(output.getAll()).contains("Stripe unavailable").contains("Stripe refused");
		for (String secret : SECRETS) {
			assertThat(output.getAll()).doesNotContain(secret);
		}
		assertThat(output.getAll()).doesNotContain(clientSecret);
	}

}
