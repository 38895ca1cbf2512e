package io.questline.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.ledger.Ledger;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StripeWebhookTests {

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

	@Autowired
	JdbcClient jdbc;

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
	void aSignedSucceededEventGrantsOnceHoweverOftenItIsDelivered() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String event = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		for (int i = 0; i < 3; i++) {
			Api.Response response = this.kit.webhook(event);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
		// Stripe may also send a second event about the same success.
		assertThat(this.kit.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("succeeded");
		assertThat(this.kit.verify(user, paymentId).json().get("granted").asBoolean()).isTrue();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
	}

	@Test
	void aSucceededPaymentNeverMovesBackWhenOlderEventsArriveLate() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String failedEarlier = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.payment_failed", paymentId);
		String canceledEarlier = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.canceled", paymentId);
		assertThat(this.kit.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.kit.webhook(failedEarlier).status()).isEqualTo(200);
		assertThat(this.kit.webhook(canceledEarlier).status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("succeeded");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
	}

	@Test
	void aFailedAttemptThatIsRetriedAndSucceedsIsGranted() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.create(user, "coins_1000");
		assertThat(this.kit
			.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.payment_failed", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("failed");
		this.stripe.succeed(this.kit.intentOf(paymentId));
		assertThat(this.kit.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("succeeded");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
	}

	@Test
	void aCanceledPaymentIsMarkedCanceledAndGrantsNothing() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.create(user, "coins_1000");
		this.stripe.set(this.kit.intentOf(paymentId), "status", "canceled");
		assertThat(this.kit.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.canceled", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("canceled");
		Api.Response verified = this.kit.verify(user, paymentId);
		assertThat(verified.json().get("status").asString()).isEqualTo("canceled");
		assertThat(verified.json().get("granted").asBoolean()).isFalse();
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void aRefundReportedBeforeTheSuccessMeansTheSuccessGrantsNothing() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String succeeded = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		assertThat(this.kit.webhook(chargeRefunded(paymentId, 999)).status()).isEqualTo(200);
		assertThat(this.kit.webhook(succeeded).status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("refunded");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void aChargeRefundedAtStripeTakesBackTheCoinsOnce() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		String event = chargeRefunded(paymentId, 999);
		assertThat(this.kit.webhook(event).status()).isEqualTo(200);
		assertThat(this.kit.webhook(event).status()).isEqualTo(200);
		assertThat(this.kit.webhook(chargeRefunded(paymentId, 999)).status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		Payment payment = this.kit.payment(paymentId);
		assertThat(payment.state()).isEqualTo("refunded");
		assertThat(payment.coinsReversed()).isEqualTo(1_000_000);
		assertThat(payment.refundedAmount()).isEqualTo(999);
	}

	@Test
	void aDisputeTakesBackWhatRemainsOfTheGrant() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		Map<String, Object> dispute = new LinkedHashMap<>();
		dispute.put("id", "dp_test" + UUID.randomUUID().toString().substring(0, 8));
		dispute.put("object", "dispute");
		dispute.put("amount", 999);
		dispute.put("currency", "usd");
		dispute.put("payment_intent", this.kit.intentOf(paymentId));
		dispute.put("status", "needs_response");
		String event = StripeStandIn.event(CheckoutKit.eventId(), "charge.dispute.created", dispute);
		assertThat(this.kit.webhook(event).status()).isEqualTo(200);
		assertThat(this.kit.webhook(event).status()).isEqualTo(200);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("disputed");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		// A success delivered late does not grant again.
		assertThat(this.kit.webhook(this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId))
			.status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void unknownEventTypesAndOtherPaymentsAreAcknowledged() {
		String customer = StripeStandIn.event(CheckoutKit.eventId(), "customer.created",
				Map.of("id", "cus_test1", "object", "customer"));
		assertThat(this.kit.webhook(customer).status()).isEqualTo(200);
		Map<String, Object> foreign = new LinkedHashMap<>();
		foreign.put("id", "pi_not_ours");
		foreign.put("object", "payment_intent");
		foreign.put("amount", 999);
		foreign.put("currency", "usd");
		foreign.put("status", "succeeded");
		foreign.put("metadata", Map.of());
		String event = StripeStandIn.event(CheckoutKit.eventId(), "payment_intent.succeeded", foreign);
		assertThat(this.kit.webhook(event).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM stripe_events WHERE type = 'customer.created'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void missingForgedTamperedAndStaleSignaturesAreRefused() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String event = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		long now = this.clock.instant().getEpochSecond();
		List<Api.Response> refused = List.of(this.kit.webhook(event, null),
				this.kit.webhook(event, StripeStandIn.sign(event, "whsec_forged", now)),
				this.kit.webhook(event.replace("\"amount\":999", "\"amount\":998"),
						StripeStandIn.sign(event, CheckoutKit.WEBHOOK_SECRET, now)),
				this.kit.webhook(event, StripeStandIn.sign(event, CheckoutKit.WEBHOOK_SECRET, now - 301)),
				this.kit.webhook(event, "t=" + now + ",v1=00"), this.kit.webhook(event, "garbage"));
		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("INVALID_SIGNATURE");
		});
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		assertThat(this.kit.webhook(event, StripeStandIn.sign(event, CheckoutKit.WEBHOOK_SECRET, now - 200)).status())
			.isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
	}

	@Test
	void aSignatureAgesWithTheServerClock() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String event = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		String signature = StripeStandIn.sign(event, CheckoutKit.WEBHOOK_SECRET, this.clock.instant().getEpochSecond());
		this.clock.advance(java.time.Duration.ofSeconds(301));
		assertThat(this.kit.webhook(event, signature).code()).isEqualTo("INVALID_SIGNATURE");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void verifyAndWebhookRacingGrantOnce() throws Exception {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.paid(user, "coins_1000");
		String repeated = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
		List<Callable<Integer>> calls = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		for (int i = 0; i < 20; i++) {
			String distinct = this.kit.intentEvent(CheckoutKit.eventId(), "payment_intent.succeeded", paymentId);
			String event = (i % 2 == 0) ? repeated : distinct;
			calls.add(() -> {
				start.await();
				return this.kit.verify(user, paymentId).status();
			});
			calls.add(() -> {
				start.await();
				return this.kit.webhook(event).status();
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(40);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (Callable<Integer> call : calls) {
				results.add(pool.submit(call));
			}
			start.countDown();
			for (Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reference = :ref")
			.param("ref", "stripe:pi:" + this.kit.intentOf(paymentId))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("succeeded");
	}

	private String chargeRefunded(UUID paymentId, long amountRefunded) {
		String intentId = this.kit.intentOf(paymentId);
		Map<String, Object> charge = new LinkedHashMap<>();
		charge.put("id", "ch_" + intentId);
		charge.put("object", "charge");
		charge.put("amount", 999);
		charge.put("amount_refunded", amountRefunded);
		charge.put("currency", "usd");
		charge.put("payment_intent", intentId);
		charge.put("refunded", amountRefunded >= 999);
		return StripeStandIn.event(CheckoutKit.eventId(), "charge.refunded", charge);
	}

}
