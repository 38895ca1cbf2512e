package io.questline.transactions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.streaks.StreakFreezes;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class TransactionTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	StreakFreezes freezes;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClockAndCheckTheLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void theListIsTheCallersOwnEntriesNewestFirstAndPagesSumToTheBalance() {
		TestUser user = this.users.create();
		TestUser other = this.users.create();
		for (int i = 1; i <= 5; i++) {
			reward(user, i * 1_000L);
		}
		reward(other, 9_000);
		assertThat(transfer(user, other, 2_500, "k1").status()).isEqualTo(201);
		List<JsonNode> items = new ArrayList<>();
		String cursor = null;
		long balance = -1;
		int pages = 0;
		do {
			Api.Response page = this.api
				.get("/api/transactions/list?limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""))
				.as(user)
				.send();
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			page.json().get("items").forEach(items::add);
			balance = page.json().get("balance").asLong();
			JsonNode next = page.json().get("nextCursor");
			cursor = next.isNull() ? null : next.asString();
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isEqualTo(3);
		assertThat(items).hasSize(6);
		assertThat(items.get(0).get("type").asString()).isEqualTo("transfer");
		assertThat(items.get(0).get("amount").asLong()).isEqualTo(-2_500);
		assertThat(items.get(0).get("balanceAfter").asLong()).isEqualTo(15_000 - 2_500);
		assertThat(items.stream().mapToLong((item) -> item.get("amount").asLong()).sum()).isEqualTo(balance)
			.isEqualTo(12_500);
		assertThat(items.stream().mapToLong((item) -> item.get("id").asLong()))
			.isSortedAccordingTo((a, b) -> Long.compare(b, a));
		Api.Response theirs = this.api.get("/api/transactions/list").as(other).send();
		assertThat(theirs.json().get("items")).hasSize(2);
		assertThat(theirs.json().get("items").get(0).get("amount").asLong()).isEqualTo(2_500);
		assertThat(theirs.json().get("balance").asLong()).isEqualTo(11_500);
	}

	@Test
	void aTransferMovesCoinsAndShowsTheNoteToBothSides() {
		TestUser sender = this.users.create();
		TestUser recipient = this.users.create();
		reward(sender, 10_000);
		Api.Response sent = this.api
			.post("/api/transactions/create",
					Map.of("type", "transfer", "toUserId", recipient.id(), "amount", 3_000, "note", "for lunch"))
			.as(sender)
			.idempotencyKey("lunch")
			.send();
		assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
		assertThat(sent.json().get("amount").asLong()).isEqualTo(-3_000);
		assertThat(sent.json().get("balanceAfter").asLong()).isEqualTo(7_000);
		assertThat(sent.json().get("reference").asString()).startsWith("transfer:" + sender.id() + ":");
		assertThat(sent.json().get("memo").get("note").asString()).isEqualTo("for lunch");
		JsonNode received = this.api.get("/api/transactions/list").as(recipient).send().json().get("items").get(0);
		assertThat(received.get("id").asLong()).isEqualTo(sent.json().get("id").asLong());
		assertThat(received.get("amount").asLong()).isEqualTo(3_000);
		assertThat(received.get("memo").get("fromUserId").asString()).isEqualTo(sender.id().toString());
		assertThat(this.ledger.balanceOf(recipient.id())).isEqualTo(3_000);
	}

	@Test
	void aReplayNeverPaysTwiceEvenAfterTheStoredResponseIsGone() {
		TestUser sender = this.users.create();
		TestUser recipient = this.users.create();
		reward(sender, 10_000);
		Api.Response first = transfer(sender, recipient, 1_000, "once");
		Api.Response replay = transfer(sender, recipient, 1_000, "once");
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).contains("true");
		// The stored HTTP response expires after 24 h; the ledger reference still holds.
		this.jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope")
			.param("scope", "user:" + sender.id())
			.update();
		Api.Response late = transfer(sender, recipient, 1_000, "once");
		assertThat(late.status()).as(late.toString()).isEqualTo(201);
		assertThat(late.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		this.jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope")
			.param("scope", "user:" + sender.id())
			.update();
		Api.Response different = transfer(sender, recipient, 2_000, "once");
		assertThat(different.status()).isEqualTo(422);
		assertThat(different.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(this.ledger.balanceOf(sender.id())).isEqualTo(9_000);
		assertThat(this.ledger.balanceOf(recipient.id())).isEqualTo(1_000);
	}

	@Test
	void badTransfersAreRefusedWithTheirCodes() {
		TestUser sender = this.users.create();
		TestUser recipient = this.users.create();
		reward(sender, 5_000);
		Api.Response noKey = this.api
			.post("/api/transactions/create", Map.of("type", "transfer", "toUserId", recipient.id(), "amount", 1))
			.as(sender)
			.send();
		assertThat(noKey.status()).isEqualTo(400);
		assertThat(noKey.code()).isEqualTo("MISSING_HEADER");
		Api.Response self = transfer(sender, sender, 1_000, "self");
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.code()).isEqualTo("SELF_TRANSFER");
		Api.Response nobody = this.api
			.post("/api/transactions/create", Map.of("type", "transfer", "toUserId", UUID.randomUUID(), "amount", 1))
			.as(sender)
			.idempotencyKey("nobody")
			.send();
		assertThat(nobody.status()).isEqualTo(404);
		Api.Response tooMuch = transfer(sender, recipient, 5_001, "too-much");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("INSUFFICIENT_BALANCE");
		assertThat(transfer(sender, recipient, 0, "zero").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(transfer(sender, recipient, -5, "negative").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(transfer(sender, recipient, 1_000_001, "over-max").code()).isEqualTo("VALIDATION_FAILED");
		Api.Response longNote = this.api
			.post("/api/transactions/create",
					Map.of("type", "transfer", "toUserId", recipient.id(), "amount", 1, "note", "x".repeat(201)))
			.as(sender)
			.idempotencyKey("long-note")
			.send();
		assertThat(longNote.status()).isEqualTo(400);
		Api.Response gift = this.api
			.post("/api/transactions/create", Map.of("type", "gift", "toUserId", recipient.id()))
			.as(sender)
			.idempotencyKey("gift")
			.send();
		assertThat(gift.status()).isEqualTo(400);
		Api.Response unknownField = this.api
			.post("/api/transactions/create",
					Map.of("type", "transfer", "toUserId", recipient.id(), "amount", 1, "fee", 0))
			.as(sender)
			.idempotencyKey("fee")
			.send();
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(this.ledger.balanceOf(sender.id())).isEqualTo(5_000);
	}

	@Test
	void theDailyLimitCountsTheSendersOwnDay() {
		// 23:00 in Tokyo.
		this.clock.setInstant(Instant.parse("2031-08-10T14:00:00Z"));
		TestUser sender = this.users.inZone("Asia/Tokyo");
		TestUser recipient = this.users.create();
		reward(sender, 2_000_000);
		assertThat(transfer(sender, recipient, 600_000, "a").status()).isEqualTo(201);
		assertThat(transfer(sender, recipient, 400_000, "b").status()).isEqualTo(201);
		Api.Response over = transfer(sender, recipient, 1, "c");
		assertThat(over.status()).isEqualTo(422);
		assertThat(over.code()).isEqualTo("DAILY_LIMIT_EXCEEDED");
		// 00:05 the next day in Tokyo (still the same day in UTC).
		this.clock.advance(Duration.ofMinutes(65));
		Api.Response nextDay = this.api
			.post("/api/transactions/create", Map.of("type", "transfer", "toUserId", recipient.id(), "amount", 1))
			.bearer(this.users.tokenFor(sender.id()))
			.idempotencyKey("d")
			.send();
		assertThat(nextDay.status()).as(nextDay.toString()).isEqualTo(201);
		assertThat(this.ledger.balanceOf(recipient.id())).isEqualTo(1_000_001);
	}

	@Test
	void buyingAStreakFreezeChargesTheCatalogPriceUpToTheLimit() {
		TestUser user = this.users.create();
		reward(user, 120_000);
		Api.Response first = purchase(user, "streak_freeze", "f1");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().get("type").asString()).isEqualTo("purchase");
		assertThat(first.json().get("amount").asLong()).isEqualTo(-50_000);
		assertThat(purchase(user, "streak_freeze", "f2").status()).isEqualTo(201);
		assertThat(this.freezes.held(user.id())).isEqualTo(2);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(20_000);
		reward(user, 100_000);
		Api.Response third = purchase(user, "streak_freeze", "f3");
		assertThat(third.status()).isEqualTo(422);
		assertThat(third.code()).isEqualTo("FREEZE_LIMIT_REACHED");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(120_000);
		assertThat(this.freezes.held(user.id())).isEqualTo(2);
	}

	@Test
	void aReplayedPurchaseGrantsAndChargesOnce() {
		TestUser user = this.users.create();
		reward(user, 100_000);
		Api.Response first = purchase(user, "streak_freeze", "buy-once");
		this.jdbc.sql("DELETE FROM idempotency_keys WHERE scope = :scope").param("scope", "user:" + user.id()).update();
		Api.Response late = purchase(user, "streak_freeze", "buy-once");
		assertThat(late.status()).as(late.toString()).isEqualTo(201);
		assertThat(late.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(this.freezes.held(user.id())).isEqualTo(1);
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(50_000);
	}

	@Test
	void aPurchaseTakesNoPriceFromTheClientAndOnlySellsCatalogItems() {
		TestUser user = this.users.create();
		reward(user, 100_000);
		Api.Response priced = this.api
			.post("/api/transactions/create", Map.of("type", "purchase", "itemCode", "streak_freeze", "amount", 1))
			.as(user)
			.idempotencyKey("priced")
			.send();
		assertThat(priced.status()).isEqualTo(400);
		assertThat(priced.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(purchase(user, "coins_1000", "unknown").status()).isEqualTo(404);
		Api.Response poor = purchase(this.users.create(), "streak_freeze", "poor");
		assertThat(poor.status()).isEqualTo(422);
		assertThat(poor.code()).isEqualTo("INSUFFICIENT_BALANCE");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(100_000);
	}

	@Test
	void fiftyConcurrentTransfersOverHttpNeverOverdrawAndConserveCoins() throws Exception {
		TestUser sender = this.users.create();
		TestUser recipient = this.users.create();
		reward(sender, 10_000);
		Map<Integer, Integer> statuses = new HashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				String key = "parallel-" + i;
				calls.add(() -> transfer(sender, recipient, 1_000, key));
			}
			for (Future<Api.Response> result : pool.invokeAll(calls)) {
				Api.Response response = result.get();
				statuses.merge(response.status(), 1, Integer::sum);
				if (response.status() == 422) {
					assertThat(response.code()).isEqualTo("INSUFFICIENT_BALANCE");
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsEntry(201, 10).containsEntry(422, 40);
		assertThat(this.ledger.balanceOf(sender.id())).isZero();
		assertThat(this.ledger.balanceOf(recipient.id())).isEqualTo(10_000);
	}

	private void reward(TestUser user, long amount) {
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, amount,
				"reward", "test:" + UUID.randomUUID()));
	}

	private Api.Response transfer(TestUser from, TestUser to, long amount, String key) {
		return this.api
			.post("/api/transactions/create", Map.of("type", "transfer", "toUserId", to.id(), "amount", amount))
			.bearer(this.users.tokenFor(from.id()))
			.idempotencyKey(key)
			.send();
	}

	private Api.Response purchase(TestUser user, String itemCode, String key) {
		return this.api.post("/api/transactions/create", Map.of("type", "purchase", "itemCode", itemCode))
			.as(user)
			.idempotencyKey(key)
			.send();
	}

}
