package io.questline.competitions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.learning.ModuleCompleted;
import io.questline.ledger.Ledger;
import io.questline.mining.MiningSessionCompleted;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
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
class CompetitionTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PrizePayout payout;

	@AfterEach
	void resetClockAndCheckLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	private Response create(TestUser admin, Map<String, Object> body) {
		return this.api.post("/api/admin/events/create", body).as(admin).send();
	}

	private Map<String, Object> event(String metric, Instant startsAt, Instant endsAt,
			List<Map<String, Object>> prizes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Test event " + UUID.randomUUID().toString().substring(0, 8));
		body.put("description", "made by a test");
		body.put("startsAt", startsAt.toString());
		body.put("endsAt", endsAt.toString());
		body.put("metric", metric);
		body.put("prizes", prizes);
		return body;
	}

	private long liveEvent(String metric, List<Map<String, Object>> prizes) {
		Instant now = this.clock.instant();
		Response created = create(this.users.admin(),
				event(metric, now.minusSeconds(1), now.plus(Duration.ofHours(3)), prizes));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response participate(TestUser user, long eventId) {
		return this.api.post("/api/events/participate", Map.of("eventId", eventId)).as(user).send();
	}

	private void publish(Object event) {
		this.transactions.executeWithoutResult((status) -> this.publisher.publishEvent(event));
	}

	private void taskDone(TestUser user) {
		publish(new TaskCompleted(user.id(), 1, 1_000, this.clock.instant()));
	}

	private long score(long eventId, TestUser user) {
		return this.jdbc.sql("SELECT score FROM competition_entries WHERE competition_id = :c AND user_id = :u")
			.param("c", eventId)
			.param("u", user.id())
			.query(Long.class)
			.single();
	}

	private JsonNode board(TestUser viewer, long eventId, int limit) {
		Response response = this.api.get("/api/events/leaderboards?eventId=" + eventId + "&limit=" + limit)
			.as(viewer)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	@Test
	void anAdminCreatesAnEventAndTheCreationIsAudited() {
		TestUser admin = this.users.admin();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Response created = create(admin, event("tasks_completed", now.plus(Duration.ofHours(1)),
				now.plus(Duration.ofDays(2)), List.of(Map.of("rank", 1, "reward", 5_000))));
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("metric").asString()).isEqualTo("tasks_completed");
		assertThat(body.get("startsAt").asString()).isEqualTo(now.plus(Duration.ofHours(1)).toString());
		assertThat(body.get("prizes").get(0).get("reward").asLong()).isEqualTo(5_000);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log
				 WHERE actor_id = :admin AND action = 'competitions.create' AND target = :target AND outcome = 'success'
				""")
			.param("admin", admin.id())
			.param("target", "competition:" + body.get("id").asLong())
			.query(Long.class)
			.single()).isEqualTo(1);
		Response notAdmin = create(this.users.create(), event("tasks_completed", now, now.plusSeconds(60), List.of()));
		assertThat(notAdmin.status()).isEqualTo(403);
	}

	@Test
	void anInvalidEventIsRefusedWithTheFieldAtFault() {
		TestUser admin = this.users.admin();
		Instant now = this.clock.instant();
		Map<String, Object> backwards = event("coins_mined", now.plusSeconds(600), now.plusSeconds(60), List.of());
		Map<String, Object> tooLong = event("coins_mined", now, now.plus(Duration.ofDays(91)), List.of());
		Map<String, Object> past = event("coins_mined", now.minusSeconds(600), now.minusSeconds(60), List.of());
		Map<String, Object> metric = event("steps_walked", now, now.plusSeconds(600), List.of());
		Map<String, Object> rank = event("coins_mined", now, now.plusSeconds(600),
				List.of(Map.of("rank", 0, "reward", 1)));
		Map<String, Object> twice = event("coins_mined", now, now.plusSeconds(600),
				List.of(Map.of("rank", 1, "reward", 1), Map.of("rank", 1, "reward", 2)));
		Map<String, Object> rich = event("coins_mined", now, now.plusSeconds(600),
				List.of(Map.of("rank", 1, "reward", 10_000_001)));
		Map<String, Object> longName = event("coins_mined", now, now.plusSeconds(600), List.of());
		longName.put("name", "x".repeat(101));
		Map<String, Object> unknownField = event("coins_mined", now, now.plusSeconds(600), List.of());
		unknownField.put("score", 5);
		Map<String, String> expected = new LinkedHashMap<>();
		List<Map<String, Object>> bodies = List.of(backwards, tooLong, past, metric, rank, twice, rich, longName,
				unknownField);
		List<String> fields = List.of("endsAt", "endsAt", "endsAt", "metric", "prizes[0].rank", "prizes[1].rank",
				"prizes[0].reward", "name", "score");
		for (int i = 0; i < bodies.size(); i++) {
			Response response = create(admin, bodies.get(i));
			assertThat(response.status()).as(fields.get(i) + ": " + response).isEqualTo(400);
			expected.put(fields.get(i), response.json().get("errors").get(0).get("field").asString());
		}
		expected.forEach((field, actual) -> assertThat(actual).isEqualTo(field));
	}

	@Test
	void theLiveListShowsRunningEventsWithParticipantsAndWhetherTheCallerJoined() {
		long eventId = liveEvent("tasks_completed", List.of());
		TestUser joiner = this.users.create();
		TestUser watcher = this.users.create();
		assertThat(participate(joiner, eventId).status()).isEqualTo(200);
		participate(this.users.create(), eventId);
		JsonNode mine = find(this.api.get("/api/events/live").as(joiner).send().json(), eventId);
		assertThat(mine.get("participants").asLong()).isEqualTo(2);
		assertThat(mine.get("joined").asBoolean()).isTrue();
		assertThat(mine.get("metric").asString()).isEqualTo("tasks_completed");
		JsonNode theirs = find(this.api.get("/api/events/live").as(watcher).send().json(), eventId);
		assertThat(theirs.get("joined").asBoolean()).isFalse();
		// A demo event is live on a fresh server.
		assertThat(this.api.get("/api/events/live").as(watcher).send().json().get("items").size())
			.isGreaterThanOrEqualTo(2);
	}

	private static JsonNode find(JsonNode live, long eventId) {
		for (JsonNode item : live.get("items")) {
			if (item.get("id").asLong() == eventId) {
				return item;
			}
		}
		throw new AssertionError("event " + eventId + " is not in " + live);
	}

	@Test
	void participatingOnceInALiveEventOnly() {
		long eventId = liveEvent("tasks_completed", List.of());
		TestUser user = this.users.create();
		Response joined = participate(user, eventId);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().get("eventId").asLong()).isEqualTo(eventId);
		assertThat(Instant.parse(joined.json().get("joinedAt").asString())).isCloseTo(this.clock.instant(),
				org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
		Response again = participate(user, eventId);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_JOINED");
		assertThat(participate(user, Long.MAX_VALUE).status()).isEqualTo(404);
		Instant now = this.clock.instant();
		long later = create(this.users.admin(),
				event("tasks_completed", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), List.of()))
			.json()
			.get("id")
			.asLong();
		Response early = participate(user, later);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.code()).isEqualTo("EVENT_NOT_LIVE");
		this.clock.advance(Duration.ofHours(4));
		Response ended = participate(this.users.create(), eventId);
		assertThat(ended.status()).isEqualTo(422);
		assertThat(ended.code()).isEqualTo("EVENT_NOT_LIVE");
	}

	@Test
	void onlyActivityOfTheMetricAfterJoiningAndInsideTheWindowScores() {
		long eventId = liveEvent("tasks_completed", List.of());
		TestUser user = this.users.create();
		taskDone(user);
		participate(user, eventId);
		assertThat(score(eventId, user)).isZero();
		taskDone(user);
		taskDone(user);
		publish(new ModuleCompleted(user.id(), "p", "m", 1_000, this.clock.instant()));
		publish(new MiningSessionCompleted(user.id(), 1, 24_000, this.clock.instant().minusSeconds(60),
				this.clock.instant(), 1));
		assertThat(score(eventId, user)).isEqualTo(2);
		// Activity dated before joining does not count, even when it arrives later.
		publish(new TaskCompleted(user.id(), 1, 1_000, this.clock.instant().minus(Duration.ofHours(1))));
		assertThat(score(eventId, user)).isEqualTo(2);
		this.clock.advance(Duration.ofHours(4));
		taskDone(user);
		assertThat(score(eventId, user)).isEqualTo(2);
	}

	@Test
	void coinsMinedCountOnlyForThePartOfTheSessionAfterJoining() {
		long coins = liveEvent("coins_mined", List.of());
		long sessions = liveEvent("sessions_completed", List.of());
		TestUser user = this.users.create();
		Instant startedAt = this.clock.instant().minus(Duration.ofHours(3));
		participate(user, coins);
		participate(user, sessions);
		this.clock.advance(Duration.ofHours(1));
		// Four hours mined, one of them after joining: a quarter of the coins.
		publish(new MiningSessionCompleted(user.id(), 7, 4_000, startedAt, this.clock.instant(), 1));
		assertThat(score(coins, user)).isBetween(995L, 1_000L);
		assertThat(score(sessions, user)).isEqualTo(1);
	}

	@Test
	void theBoardRanksByScoreThenByWhoReachedItFirstAndShowsMeAndAround() {
		long eventId = liveEvent("tasks_completed", List.of());
		List<TestUser> players = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			TestUser player = this.users.create();
			players.add(player);
			participate(player, eventId);
		}
		// Scores 3, 2, 2, 1, 1, 1, 0; among equal scores whoever got there first is
		// ahead.
		int[] tasks = { 3, 2, 2, 1, 1, 1, 0 };
		for (int round = 1; round <= 3; round++) {
			for (int i = 0; i < players.size(); i++) {
				if (tasks[i] >= round) {
					this.clock.advance(Duration.ofSeconds(1));
					taskDone(players.get(i));
				}
			}
		}
		JsonNode board = board(players.get(4), eventId, 3);
		assertThat(board.get("eventId").asLong()).isEqualTo(eventId);
		assertThat(ranks(board.get("entries"))).containsExactly("1:" + players.get(0).id() + ":3",
				"2:" + players.get(1).id() + ":2", "3:" + players.get(2).id() + ":2");
		assertThat(board.get("entries").get(0).get("displayName").asString()).startsWith("Player ");
		assertThat(board.get("me").get("rank").asLong()).isEqualTo(5);
		assertThat(board.get("me").get("score").asLong()).isEqualTo(1);
		assertThat(ranks(board.get("around"))).containsExactly("3:" + players.get(2).id() + ":2",
				"4:" + players.get(3).id() + ":1", "6:" + players.get(5).id() + ":1",
				"7:" + players.get(6).id() + ":0");
		JsonNode outsider = board(this.users.create(), eventId, 10);
		assertThat(outsider.get("me").isNull()).isTrue();
		assertThat(outsider.get("around")).isEmpty();
		assertThat(outsider.get("entries")).hasSize(7);
	}

	@Test
	void hiddenUsersKeepTheirRankButOnlyTheySeeThemselves() {
		long eventId = liveEvent("tasks_completed", List.of());
		TestUser first = this.users.create();
		TestUser hidden = this.users.create();
		TestUser third = this.users.create();
		for (TestUser player : List.of(first, hidden, third)) {
			participate(player, eventId);
		}
		taskDone(first);
		taskDone(first);
		this.clock.advance(Duration.ofSeconds(1));
		taskDone(hidden);
		this.jdbc.sql("UPDATE users SET leaderboard_visible = false WHERE id = :id").param("id", hidden.id()).update();
		JsonNode seenByThird = board(third, eventId, 10);
		assertThat(ranks(seenByThird.get("entries"))).containsExactly("1:" + first.id() + ":2",
				"3:" + third.id() + ":0");
		assertThat(seenByThird.get("me").get("rank").asLong()).isEqualTo(3);
		assertThat(ranks(seenByThird.get("around"))).containsExactly("1:" + first.id() + ":2");
		JsonNode seenByHidden = board(hidden, eventId, 10);
		assertThat(ranks(seenByHidden.get("entries"))).containsExactly("1:" + first.id() + ":2",
				"2:" + hidden.id() + ":1", "3:" + third.id() + ":0");
		assertThat(seenByHidden.get("me").get("rank").asLong()).isEqualTo(2);
	}

	@Test
	void boardRequestsAreChecked() {
		TestUser user = this.users.create();
		assertThat(this.api.get("/api/events/leaderboards?eventId=" + Long.MAX_VALUE).as(user).send().status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/events/leaderboards").as(user).send().status()).isEqualTo(400);
		assertThat(this.api.get("/api/events/leaderboards?eventId=x").as(user).send().status()).isEqualTo(400);
		long eventId = liveEvent("tasks_completed", List.of());
		assertThat(this.api.get("/api/events/leaderboards?eventId=" + eventId + "&limit=101").as(user).send().status())
			.isEqualTo(400);
		assertThat(this.api.get("/api/events/leaderboards?eventId=" + eventId + "&limit=0").as(user).send().status())
			.isEqualTo(400);
	}

	@Test
	void finalisingTwiceInParallelPaysEachPrizeOnce() throws Exception {
		long eventId = liveEvent("tasks_completed", List.of(Map.of("rank", 1, "reward", 50_000),
				Map.of("rank", 2, "reward", 20_000), Map.of("rank", 3, "reward", 10_000)));
		TestUser winner = this.users.create();
		TestUser second = this.users.create();
		TestUser idle = this.users.create();
		for (TestUser player : List.of(winner, second, idle)) {
			participate(player, eventId);
		}
		taskDone(winner);
		taskDone(winner);
		taskDone(second);
		this.clock.advance(Duration.ofHours(4));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Integer>> runs = List.of(this.payout::finalizeEnded, this.payout::finalizeEnded);
			for (Future<Integer> run : pool.invokeAll(runs)) {
				run.get();
			}
		}
		finally {
			pool.shutdown();
		}
		this.payout.finalizeEnded();
		assertThat(this.ledger.balanceOf(winner.id())).isEqualTo(50_000);
		assertThat(this.ledger.balanceOf(second.id())).isEqualTo(20_000);
		// No prize for a score of 0.
		assertThat(this.ledger.balanceOf(idle.id())).isZero();
		assertThat(this.ledger.isPosted("prize:" + eventId + ":" + winner.id())).isTrue();
		assertThat(this.jdbc.sql("SELECT state FROM competitions WHERE id = :id")
			.param("id", eventId)
			.query(String.class)
			.single()).isEqualTo("final");
		// The board is final: late activity changes nothing.
		taskDone(second);
		taskDone(second);
		assertThat(score(eventId, second)).isEqualTo(1);
		JsonNode board = board(new TestUser(second.id(), second.email(), this.users.tokenFor(second.id())), eventId,
				10);
		assertThat(board.get("me").get("rank").asLong()).isEqualTo(2);
	}

	private static List<String> ranks(JsonNode entries) {
		List<String> ranks = new ArrayList<>();
		entries.forEach((entry) -> ranks.add(
				entry.get("rank").asLong() + ":" + entry.get("userId").asString() + ":" + entry.get("score").asLong()));
		return ranks;
	}

}
