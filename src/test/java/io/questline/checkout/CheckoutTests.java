package io.questline.checkout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.mining.MiningMultiplier;
import io.questline.streaks.StreakFreezes;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.StripeStandIn;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CheckoutTests {

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
	StreakFreezes freezes;

	@Autowired
	MiningBoosts boosts;

	@Autowired
	MutableClock clock;

	CheckoutKit kit;

	@BeforeEach
	void kit() {
		this.kit = new CheckoutKit(this.api, this.stripe, this.payments, this.clock);
	}

	@AfterEach
	void restore() {
		this.stripe.reset();
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void createMakesAPaymentIntentAtTheCatalogPriceAndReturnsOnlyThePublishableKey() {
		TestUser user = this.users.create();
		Api.Response response = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		UUID paymentId = UUID.fromString(response.json().get("paymentId").asString());
		String intentId = this.kit.intentOf(paymentId);
		assertThat(response.json().get("amount").asLong()).isEqualTo(999);
		assertThat(response.json().get("currency").asString()).isEqualTo("usd");
		assertThat(response.json().get("publishableKey").asString()).isEqualTo("pk_test_fake");
		assertThat(response.json().get("clientSecret").asString()).startsWith(intentId + "_secret_");
		assertThat(response.text()).doesNotContain("sk_test_fake").doesNotContain("whsec_fake_test");
		Map<String, Object> intent = this.stripe.intent(intentId);
		assertThat(intent).containsEntry("amount", 999L).containsEntry("currency", "usd");
		assertThat(intent.get("metadata")).isEqualTo(Map.of("payment_id", paymentId.toString(), "user_id",
				user.id().toString(), "product_code", "coins_1000"));
		Map<String, String> sent = this.stripe.createRequests()
			.stream()
			.filter((form) -> paymentId.toString().equals(form.get("metadata[payment_id]")))
			.findFirst()
			.orElseThrow();
		assertThat(sent).containsEntry("automatic_payment_methods[enabled]", "true");
		Payment payment = this.kit.payment(paymentId);
		assertThat(payment.userId()).isEqualTo(user.id());
		assertThat(payment.state()).isEqualTo("created");
		assertThat(payment.amount()).isEqualTo(999);
	}

	@Test
	void aPriceInTheBodyIsRefused() {
		TestUser user = this.users.create();
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("productCode", "coins_1000", "amount", 1),
				Map.of("productCode", "coins_1000", "price", 1),
				Map.of("productCode", "coins_1000", "currency", "jpy"))) {
			Api.Response response = this.api.post("/api/checkout/create", body)
				.as(user)
				.idempotencyKey("k-" + UUID.randomUUID())
				.send();
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
		}
	}

	@Test
	void createNeedsAnIdempotencyKeyAndAKnownProduct() {
		TestUser user = this.users.create();
		Api.Response missingKey = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.send();
		assertThat(missingKey.status()).isEqualTo(400);
		assertThat(missingKey.code()).isEqualTo("MISSING_HEADER");
		Api.Response unknown = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000000"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send();
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.code()).isEqualTo("VALIDATION_FAILED");
	}

	@Test
	void aRetriedCreateIsTheSamePaymentAndTheSamePaymentIntent() {
		TestUser user = this.users.create();
		String key = "k-" + UUID.randomUUID();
		this.stripe.mode(StripeStandIn.Mode.ERROR);
		Api.Response failed = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey(key)
			.send();
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.code()).isEqualTo("STRIPE_ERROR");
		this.stripe.reset();
		Api.Response first = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey(key)
			.send();
		Api.Response again = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey(key)
			.send();
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		String paymentId = first.json().get("paymentId").asString();
		assertThat(again.json().get("paymentId").asString()).isEqualTo(paymentId);
		assertThat(this.stripe.intentCount(paymentId)).isEqualTo(1);
		assertThat(this.payments.findByKey(user.id(), key)).isPresent();
	}

	@Test
	void verifyGrantsTheCoinsOnceAfterStripeSaysSucceeded() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.create(user, "coins_1000");
		Api.Response early = this.kit.verify(user, paymentId);
		assertThat(early.status()).isEqualTo(200);
		assertThat(early.json().get("status").asString()).isEqualTo("created");
		assertThat(early.json().get("granted").asBoolean()).isFalse();
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		this.stripe.succeed(this.kit.intentOf(paymentId));
		for (int i = 0; i < 3; i++) {
			Api.Response verified = this.kit.verify(user, paymentId);
			assertThat(verified.status()).isEqualTo(200);
			assertThat(verified.json().get("paymentId").asString()).isEqualTo(paymentId.toString());
			assertThat(verified.json().get("status").asString()).isEqualTo("succeeded");
			assertThat(verified.json().get("granted").asBoolean()).isTrue();
		}
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
		assertThat(this.ledger.isPosted("stripe:pi:" + this.kit.intentOf(paymentId))).isTrue();
	}

	@Test
	void aPaymentIntentWhoseAmountWasTamperedWithIsNotGranted() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		this.stripe.set(this.kit.intentOf(paymentId), "amount", 1);
		Api.Response response = this.kit.verify(user, paymentId);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("PAYMENT_MISMATCH");
		Api.Response webhook = this.kit
			.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId));
		assertThat(webhook.status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		assertThat(this.kit.payment(paymentId).granted()).isFalse();
	}

	@Test
	void aPaymentIntentForAnotherProductOrUserIsNotGranted() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		this.stripe.set(this.kit.intentOf(paymentId), "metadata", Map.of("payment_id", paymentId.toString(), "user_id",
				UUID.randomUUID().toString(), "product_code", "coins_1000"));
		assertThat(this.kit.verify(user, paymentId).code()).isEqualTo("PAYMENT_MISMATCH");
		this.stripe.set(this.kit.intentOf(paymentId), "metadata", Map.of("payment_id", paymentId.toString(), "user_id",
				user.id().toString(), "product_code", "streak_freeze"));
		assertThat(this.kit.verify(user, paymentId).code()).isEqualTo("PAYMENT_MISMATCH");
		this.stripe.set(this.kit.intentOf(paymentId), "metadata", Map.of("payment_id", paymentId.toString(), "user_id",
				user.id().toString(), "product_code", "coins_1000"));
		this.stripe.set(this.kit.intentOf(paymentId), "currency", "eur");
		assertThat(this.kit.verify(user, paymentId).code()).isEqualTo("PAYMENT_MISMATCH");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void anotherUsersPaymentIsNotFound() {
		TestUser owner = this.users.create();
		TestUser other = this.users.create();
		UUID paymentId = this.kit.paid(owner, "coins_1000");
		Api.Response response = this.kit.verify(other, paymentId);
		assertThat(response.status()).isEqualTo(404);
		assertThat(this.kit.verify(other, UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.ledger.balanceOf(other.id())).isZero();
		assertThat(this.ledger.balanceOf(owner.id())).isZero();
		assertThat(this.kit.payment(paymentId).granted()).isFalse();
	}

	@Test
	void aBoostDoublesMiningForTwentyFourHours() {
		TestUser user = this.users.create();
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant())).isEmpty();
		this.kit.bought(user, "boost_2x_24h");
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant()))
			.contains(MiningMultiplier.factor("boost", 2));
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant().plus(Duration.ofHours(23))))
			.contains(MiningMultiplier.factor("boost", 2));
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant().plus(Duration.ofHours(25)))).isEmpty();
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void aBoughtBoostDoublesTheRateOfTheNextMiningSession() {
		TestUser user = this.users.create();
		this.kit.bought(user, "boost_2x_24h");
		Api.Response started = this.api.post("/api/earnings/session/start", "{}").as(user).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		// 1 coin/h, +1% for the streak day the start counts, then doubled by the boost.
		assertThat(started.json().get("session").get("ratePerHour").asLong()).isEqualTo(2_020);
		assertThat(started.json().get("session").get("multipliers").toString()).contains("boost");
	}

	@Test
	void aStreakFreezeIsGrantedAndAThirdCannotBeBought() {
		TestUser user = this.users.create();
		this.kit.bought(user, "streak_freeze");
		assertThat(this.freezes.held(user.id())).isEqualTo(1);
		this.kit.bought(user, "streak_freeze");
		assertThat(this.freezes.held(user.id())).isEqualTo(2);
		Api.Response third = this.api.post("/api/checkout/create", Map.of("productCode", "streak_freeze"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send();
		assertThat(third.status()).isEqualTo(422);
		assertThat(third.code()).isEqualTo("FREEZE_LIMIT_REACHED");
	}

	@Test
	void aStripeSlowerThanTheReadTimeoutIsA503() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		this.stripe.mode(StripeStandIn.Mode.SLOW);
		long callsBefore = this.stripe.calls();
		long started = System.nanoTime();
		Api.Response slow = this.kit.verify(user, paymentId);
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(slow.status()).as(slow.toString()).isEqualTo(503);
		assertThat(slow.code()).isEqualTo("STRIPE_UNAVAILABLE");
		// Three attempts cut at the 2 s read timeout, not three waits for the slow
		// answer.
		assertThat(took).isLessThan(StripeStandIn.SLOW_DELAY.multipliedBy(3));
		assertThat(this.stripe.calls() - callsBefore).as("one call and two retries").isEqualTo(3);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void stripeDownOrFailingIsA502Or503NeverA500() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		this.stripe.mode(StripeStandIn.Mode.DOWN);
		long callsBefore = this.stripe.calls();
		Api.Response down = this.kit.verify(user, paymentId);
		assertThat(down.status()).as(down.toString()).isEqualTo(503);
		assertThat(down.code()).isEqualTo("STRIPE_UNAVAILABLE");
		assertThat(this.stripe.calls() - callsBefore).as("bounded retries").isBetween(1L, 3L);
		this.stripe.mode(StripeStandIn.Mode.RATE_LIMITED);
		Api.Response limited = this.kit.verify(user, paymentId);
		assertThat(limited.status()).as(limited.toString()).isEqualTo(503);
		assertThat(limited.code()).isEqualTo("STRIPE_UNAVAILABLE");
		this.stripe.mode(StripeStandIn.Mode.ERROR);
		Api.Response error = this.kit.verify(user, paymentId);
		assertThat(error.status()).as(error.toString()).isEqualTo(502);
		assertThat(error.code()).isEqualTo("STRIPE_ERROR");
		Api.Response create = this.api.post("/api/checkout/create", Map.of("productCode", "coins_1000"))
			.as(user)
			.idempotencyKey("k-" + UUID.randomUUID())
			.send();
		assertThat(create.status()).isEqualTo(502);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		this.stripe.reset();
		assertThat(this.kit.verify(user, paymentId).json().get("granted").asBoolean()).isTrue();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
	}

}
