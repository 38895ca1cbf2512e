package io.questline.checkout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.questline.ledger.SystemAccount;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PaymentRefundTests {

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

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	CheckoutKit kit;

	TestUser admin;

	@BeforeEach
	void kit() {
		this.kit = new CheckoutKit(this.api, this.stripe, this.payments, this.clock);
		this.admin = this.users.admin();
	}

	@AfterEach
	void restore() {
		this.stripe.reset();
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void aFullRefundTakesBackTheCoinsAndIsAudited() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		Api.Response response = refund(paymentId, null, "customer asked");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("paymentId").asString()).isEqualTo(paymentId.toString());
		assertThat(response.json().get("status").asString()).isEqualTo("refunded");
		String refundId = response.json().get("refundId").asString();
		assertThat(this.stripe.refundsOf(this.kit.intentOf(paymentId))).singleElement()
			.satisfies((refund) -> assertThat(refund).containsEntry("id", refundId).containsEntry("amount", 999L));
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		assertThat(this.ledger.isPosted("stripe:refund:" + refundId)).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log
				 WHERE actor_id = :admin AND action = 'payments.refund' AND target = :target AND outcome = 'success'
				   AND reason = 'customer asked'
				""").param("admin", this.admin.id()).param("target", "payment:" + paymentId).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRefundAfterTheCoinsWerePartlySpentTakesWhatIsLeftAndRecordsTheShortfall() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		this.transactions.executeWithoutResult((status) -> this.ledger.debit(user.id(), SystemAccount.PURCHASES,
				600_000, "purchase", "test:spend:" + UUID.randomUUID()));
		Api.Response response = refund(paymentId, null, null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		Payment payment = this.kit.payment(paymentId);
		assertThat(payment.state()).isEqualTo("refunded");
		assertThat(payment.coinsReversed()).isEqualTo(400_000);
		assertThat(payment.coinsShortfall()).isEqualTo(600_000);
		assertThat(this.jdbc.sql("SELECT shortfall FROM payment_reversals WHERE stripe_refund_id = :id")
			.param("id", response.json().get("refundId").asString())
			.query(Long.class)
			.single()).isEqualTo(600_000);
	}

	@Test
	void partialRefundsTakeBackInProportionAndNeverMoreThanWasPaid() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		Api.Response half = refund(paymentId, 500L, null);
		assertThat(half.status()).as(half.toString()).isEqualTo(200);
		assertThat(half.json().get("status").asString()).isEqualTo("partially_refunded");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000 - 500_500);
		Api.Response tooMuch = refund(paymentId, 500L, null);
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		Api.Response rest = refund(paymentId, null, null);
		assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
		assertThat(rest.json().get("status").asString()).isEqualTo("refunded");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		assertThat(this.stripe.refundsOf(this.kit.intentOf(paymentId))).extracting((refund) -> refund.get("amount"))
			.containsExactlyInAnyOrder(500L, 499L);
		assertThat(refund(paymentId, null, null).code()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
		Payment payment = this.kit.payment(paymentId);
		assertThat(payment.refundedAmount()).isEqualTo(999);
		assertThat(payment.coinsReversed()).isEqualTo(1_000_000);
	}

	@Test
	void theChargeRefundedEventAfterAnAdminRefundTakesNothingMore() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		assertThat(refund(paymentId, 500L, null).status()).isEqualTo(200);
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS,
				5_000_000, "reward", "test:reward:" + UUID.randomUUID()));
		long before = this.ledger.balanceOf(user.id());
		assertThat(this.kit.webhook(chargeRefunded(paymentId, 500)).status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(before);
		// A refund made in Stripe's dashboard is noticed through the event and taken
		// back.
		assertThat(this.kit.webhook(chargeRefunded(paymentId, 999)).status()).isEqualTo(200);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(before - (1_000_000 - 500_500));
		assertThat(this.kit.payment(paymentId).coinsReversed()).isEqualTo(1_000_000);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("refunded");
	}

	@Test
	void concurrentRefundsOfOnePaymentRefundAndTakeBackOnce() throws Exception {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Api.Response>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			calls.add(() -> {
				start.await();
				return refund(paymentId, null, null);
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(20);
		Map<Integer, Integer> statuses = new HashMap<>();
		try {
			List<Future<Api.Response>> results = new ArrayList<>();
			for (Callable<Api.Response> call : calls) {
				results.add(pool.submit(call));
			}
			start.countDown();
			for (Future<Api.Response> result : results) {
				statuses.merge(result.get().status(), 1, Integer::sum);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses.keySet()).as(statuses.toString()).isSubsetOf(200, 409);
		assertThat(statuses.get(200)).isPositive();
		assertThat(this.stripe.refundsOf(this.kit.intentOf(paymentId))).hasSize(1);
		assertThat(this.ledger.balanceOf(user.id())).isZero();
		Payment payment = this.kit.payment(paymentId);
		assertThat(payment.coinsReversed()).isEqualTo(1_000_000);
		assertThat(payment.refundedAmount()).isEqualTo(999);
		assertThat(payment.refundCount()).isEqualTo(1);
	}

	@Test
	void refundingABoostEndsItAndRefundingAFreezeTakesItBack() {
		TestUser user = this.users.create();
		UUID boost = this.kit.bought(user, "boost_2x_24h");
		UUID freeze = this.kit.bought(user, "streak_freeze");
		assertThat(this.freezes.held(user.id())).isEqualTo(1);
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant().plus(Duration.ofHours(1)))).isPresent();
		assertThat(refund(boost, null, null).status()).isEqualTo(200);
		assertThat(refund(freeze, null, null).status()).isEqualTo(200);
		assertThat(this.boosts.multiplierFor(user.id(), this.clock.instant().plus(Duration.ofSeconds(1)))).isEmpty();
		assertThat(this.freezes.held(user.id())).isZero();
	}

	@Test
	void onlyASucceededPaymentOfOursCanBeRefundedAndOnlyByAnAdmin() {
		TestUser user = this.users.create();
		UUID unpaid = this.kit.create(user, "coins_1000");
		assertThat(refund(unpaid, null, null).code()).isEqualTo("PAYMENT_NOT_REFUNDABLE");
		assertThat(refund(UUID.randomUUID(), null, null).status()).isEqualTo(404);
		Api.Response byUser = this.api.post("/api/admin/payments/refund", Map.of("paymentId", unpaid)).as(user).send();
		assertThat(byUser.status()).isEqualTo(403);
		Api.Response negative = this.api.post("/api/admin/payments/refund", Map.of("paymentId", unpaid, "amount", -5))
			.as(this.admin)
			.send();
		assertThat(negative.status()).isEqualTo(400);
	}

	@Test
	void stripeDownDuringARefundTakesNothingBackAndIsAuditedAsFailed() {
		TestUser user = this.users.create();
		UUID paymentId = this.kit.bought(user, "coins_1000");
		this.stripe.mode(StripeStandIn.Mode.DOWN);
		Api.Response response = refund(paymentId, null, null);
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.code()).isEqualTo("STRIPE_UNAVAILABLE");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_000_000);
		assertThat(this.kit.payment(paymentId).state()).isEqualTo("succeeded");
		assertThat(this.jdbc
			.sql("""
					SELECT count(*) FROM audit_log WHERE action = 'payments.refund' AND target = :target AND outcome = 'failed'
					""")
			.param("target", "payment:" + paymentId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Api.Response refund(UUID paymentId, Long amount, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("paymentId", paymentId);
		if (amount != null) {
			body.put("amount", amount);
		}
		if (reason != null) {
			body.put("reason", reason);
		}
		return this.api.post("/api/admin/payments/refund", body).as(this.admin).send();
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
