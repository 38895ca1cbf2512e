package io.questline.achievements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.questline.achievements.AchievementCatalogLoader.CatalogFile;
import io.questline.learning.ModuleCompleted;
import io.questline.ledger.Ledger;
import io.questline.mining.MiningSessionCompleted;
import io.questline.streaks.StreakDayCounted;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import io.questline.tasks.TaskCompleted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AchievementTests {

	private static final AtomicLong sessionIds = new AtomicLong(9_000_000);

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Achievements achievements;

	@Autowired
	AchievementCatalogLoader loader;

	@AfterEach
	void ledgerInvariantHolds() {
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void theCatalogComesFromContentWithTheFirstSessionFirst() {
		Response response = this.api.get("/api/achievements/list").as(this.users.create()).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items.size()).isGreaterThanOrEqualTo(12);
		JsonNode first = items.get(0);
		assertThat(first.get("code").asString()).isEqualTo("first_session");
		assertThat(first.get("metric").asString()).isEqualTo("sessions_completed");
		assertThat(first.get("threshold").asLong()).isEqualTo(1);
		assertThat(first.get("reward").asLong()).isPositive();
		assertThat(first.has("name")).isTrue();
		assertThat(first.has("description")).isTrue();
	}

	@Test
	void aFirstCompletedMiningSessionMakesTheFirstAchievementClaimableOnce() {
		TestUser user = this.users.create();
		assertThat(progressOf(user, "first_session").get("completed").asBoolean()).isFalse();
		completeSession(user.id(), 4_000, 1);
		JsonNode progress = progressOf(user, "first_session");
		assertThat(progress.get("progress").asLong()).isEqualTo(1);
		assertThat(progress.get("completed").asBoolean()).isTrue();
		assertThat(progress.get("claimedAt").isNull()).isTrue();
		long reward = this.achievements.find("first_session").orElseThrow().reward();
		// The first session also paid its milestone: only what the claim adds is ours.
		long before = this.ledger.balanceOf(user.id());

		Response claim = claim(user, "first_session");
		assertThat(claim.status()).isEqualTo(200);
		assertThat(claim.json().get("code").asString()).isEqualTo("first_session");
		assertThat(claim.json().get("reward").asLong()).isEqualTo(reward);
		assertThat(claim.json().get("balance").asLong()).isEqualTo(before + reward);
		assertThat(progressOf(user, "first_session").get("claimedAt").isNull()).isFalse();
		assertThat(this.ledger.isPosted("achievement:" + user.id() + ":first_session")).isTrue();

		Response again = claim(user, "first_session");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_CLAIMED");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(before + reward);
	}

	@Test
	void anAchievementNotReachedCannotBeClaimed() {
		TestUser user = this.users.create();
		completeSession(user.id(), 1_000, 1);
		long before = this.ledger.balanceOf(user.id());
		Response response = claim(user, "sessions_10");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("NOT_COMPLETED");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(before);
	}

	@Test
	void anUnknownCodeIsNotFoundAndABlankOneInvalid() {
		TestUser user = this.users.create();
		assertThat(claim(user, "no_such_achievement").status()).isEqualTo(404);
		assertThat(claim(user, "").status()).isEqualTo(400);
		assertThat(claim(user, "x".repeat(65)).status()).isEqualTo(400);
	}

	@Test
	void progressFollowsWhatTheUserReallyDid() {
		TestUser user = this.users.create();
		Instant now = Instant.now();
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new StreakDayCounted(user.id(), LocalDate.now(), 3, 3, now));
			this.events.publishEvent(new StreakDayCounted(user.id(), LocalDate.now(), 1, 3, now));
			this.events.publishEvent(new TaskCompleted(user.id(), 1L, 500, now));
			this.events.publishEvent(new ModuleCompleted(user.id(), "getting-started", "gs-welcome", 500, now));
		});
		completeSession(user.id(), 6_000, 1);
		completeSession(user.id(), 5_000, 2);
		assertThat(progressOf(user, "streak_3").get("completed").asBoolean()).isTrue();
		assertThat(progressOf(user, "streak_7").get("progress").asLong()).isEqualTo(3);
		assertThat(progressOf(user, "first_task").get("completed").asBoolean()).isTrue();
		assertThat(progressOf(user, "first_module").get("completed").asBoolean()).isTrue();
		assertThat(progressOf(user, "coins_10").get("progress").asLong()).isEqualTo(11_000);
		assertThat(progressOf(user, "coins_10").get("completed").asBoolean()).isTrue();
		assertThat(progressOf(user, "sessions_10").get("progress").asLong()).isEqualTo(2);
		assertThat(progressOf(user, "first_referral").get("completed").asBoolean()).isFalse();
	}

	@Test
	void aFailedCauseLeavesNoProgress() {
		TestUser user = this.users.create();
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.events.publishEvent(new TaskCompleted(user.id(), 1L, 500, Instant.now()));
				status.setRollbackOnly();
			});
		}
		catch (RuntimeException ex) {
			// rolled back on purpose
		}
		assertThat(progressOf(user, "first_task").get("progress").asLong()).isZero();
	}

	@Test
	void fiftyConcurrentClaimsPayOnce() throws Exception {
		TestUser user = this.users.create();
		completeSession(user.id(), 1_000, 1);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(() -> claim(user, "first_session").status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 409).hasSize(49);
		}
		finally {
			pool.shutdown();
		}
		long reward = this.achievements.find("first_session").orElseThrow().reward();
		assertThat(this.ledger.isPosted("achievement:" + user.id() + ":first_session")).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e
				  JOIN ledger_accounts a ON a.id = e.account_id
				  JOIN ledger_transactions t ON t.id = e.transaction_id
				 WHERE a.user_id = :id AND t.reference LIKE 'achievement:%'
				""").param("id", user.id()).query(Long.class).single()).isEqualTo(reward);
	}

	@Test
	void reloadingTheCatalogUpdatesInPlaceWithoutTouchingProgress() {
		TestUser user = this.users.create();
		completeSession(user.id(), 1_000, 1);
		assertThat(claim(user, "first_session").status()).isEqualTo(200);
		List<Achievement> original = this.achievements.findAll();
		int version = this.jdbc.sql("SELECT max(version) FROM achievements").query(Integer.class).single();
		try {
			assertThat(this.loader.load(new CatalogFile(version, original))).isZero();
			List<Achievement> renamed = original.stream()
				.map((a) -> a.code().equals("first_session") ? new Achievement(a.code(), "First dig, renamed",
						a.description(), a.metric(), a.threshold(), a.reward()) : a)
				.toList();
			assertThat(this.loader.load(new CatalogFile(version + 1, renamed))).isEqualTo(original.size());
			assertThat(this.achievements.find("first_session").orElseThrow().name()).isEqualTo("First dig, renamed");
			assertThat(this.achievements.findAll()).hasSize(original.size());
			assertThat(progressOf(user, "first_session").get("claimedAt").isNull()).isFalse();
			assertThat(claim(user, "first_session").status()).isEqualTo(409);
		}
		finally {
			this.loader.load(new CatalogFile(version, original));
		}
		assertThat(this.achievements.find("first_session").orElseThrow().name()).isEqualTo(original.get(0).name());
	}

	private void completeSession(UUID userId, long credited, long completedSessions) {
		Instant now = Instant.now();
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new MiningSessionCompleted(userId,
				sessionIds.incrementAndGet(), credited, now.minusSeconds(3600), now, completedSessions)));
	}

	private Response claim(TestUser user, String code) {
		return this.api.post("/api/achievements/claim", Map.of("code", code)).as(user).send();
	}

	private JsonNode progressOf(TestUser user, String code) {
		Response response = this.api.get("/api/achievements/progress").as(user).send();
		assertThat(response.status()).isEqualTo(200);
		for (JsonNode item : response.json().get("items")) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("No progress for " + code + " in " + response);
	}

}
