package io.questline.recommendations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.questline.streaks.StreakStrategies;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestHistory;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RecommendationsTests {

	/**
	 * This package's own strategies; the features add theirs (join_squad, next_module,
	 * ...), tested in those features, and these tests look past them.
	 */
	private static final Set<String> BUILT_IN = Set.of("start_session", "collect_session", "invite_friend",
			"protect_streak");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	TestHistory past;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Recommender recommender;

	@Autowired
	FeedbackRecorder feedback;

	@Autowired
	Holdout holdout;

	@Autowired
	StreakStrategies streakStrategies;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aNewUserIsToldToStartMiningAndToInviteAFriend() {
		TestUser user = this.users.create();
		JsonNode items = recommendations(user);
		assertThat(builtIn(strategies(items))).containsExactlyInAnyOrder("start_session", "invite_friend");
		for (JsonNode item : items) {
			assertThat(UUID.fromString(item.get("id").asString())).isNotNull();
			assertThat(item.get("title").asString()).isNotBlank();
			assertThat(item.get("reason").asString()).isNotBlank();
		}
		JsonNode start = item(items, "start_session");
		// 24 h at 1 coin/h, +1% because the start itself counts day 1 of the streak.
		assertThat(start.get("expectedGain").asLong()).isEqualTo(24_240);
		assertThat(start.get("reason").asString()).contains("24 hours").contains("24.24 coins");
		assertThat(item(items, "invite_friend").get("expectedGain").asLong()).isEqualTo(5_000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM recommendation_impressions WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(items.size());
	}

	@Test
	void nothingAboutSessionsWhileOneIsEarning() {
		TestUser user = this.users.create();
		Instant now = this.clock.instant();
		session(user.id(), now.minus(Duration.ofHours(2)), now.plus(Duration.ofHours(22)), 1_000);
		assertThat(builtIn(strategies(recommendations(user)))).containsExactly("invite_friend");
	}

	@Test
	void aSessionThatReachedItsEndIsToBeCollectedNotRestarted() {
		TestUser user = this.users.create();
		Instant now = this.clock.instant();
		session(user.id(), now.minus(Duration.ofHours(25)), now.minus(Duration.ofHours(1)), 1_500);
		JsonNode items = recommendations(user);
		assertThat(builtIn(strategies(items))).containsExactlyInAnyOrder("collect_session", "invite_friend");
		assertThat(item(items, "collect_session").get("expectedGain").asLong()).isEqualTo(36_000);
		assertThat(item(items, "collect_session").get("reason").asString()).contains("36 coins");
	}

	@Test
	void aLiveStreakWithoutAFreezeIsToBeProtectedCountingDaysInTheUsersTimezone() {
		// 20:00 UTC on the 10th is already 05:00 on the 11th in Tokyo: the 10th is
		// yesterday there.
		this.clock.setInstant(Instant.parse("2026-06-10T20:00:00Z"));
		TestUser tokyo = this.users.inZone("Asia/Tokyo");
		this.past.streak(tokyo.id(), 5, LocalDate.parse("2026-06-10"), 0);
		// Asked of the streak source: the response shows only the first few strategies.
		List<Candidate> candidates = this.streakStrategies.candidatesFor(tokyo.id(), this.clock.instant());
		assertThat(candidates).extracting(Candidate::strategy).contains("protect_streak");
		Candidate protect = candidates.stream()
			.filter((candidate) -> candidate.strategy().equals("protect_streak"))
			.findFirst()
			.orElseThrow();
		assertThat(protect.expectedGain()).isEqualTo(24_000 * 5 / 100);
		assertThat(protect.reason()).contains("5-day streak").contains("+5%").contains("50 coins");
		// In UTC the same row means today already counted: nothing to protect.
		TestUser utc = this.users.create();
		this.past.streak(utc.id(), 5, LocalDate.parse("2026-06-10"), 0);
		assertThat(streakStrategies(utc)).doesNotContain("protect_streak");
	}

	@Test
	void noFreezeIsSuggestedWhenOneIsHeldTheStreakIsShortOrAlreadyBroken() {
		this.clock.setInstant(Instant.parse("2026-06-10T12:00:00Z"));
		TestUser holdsOne = this.users.create();
		this.past.streak(holdsOne.id(), 9, LocalDate.parse("2026-06-09"), 1);
		TestUser shortStreak = this.users.create();
		this.past.streak(shortStreak.id(), 2, LocalDate.parse("2026-06-09"), 0);
		TestUser broken = this.users.create();
		this.past.streak(broken.id(), 9, LocalDate.parse("2026-06-07"), 0);
		TestUser longEnough = this.users.create();
		this.past.streak(longEnough.id(), 3, LocalDate.parse("2026-06-09"), 0);
		// Asked of the streak source itself: with the features' strategies a user may
		// have
		// more candidates than are shown at once.
		assertThat(streakStrategies(holdsOne)).doesNotContain("protect_streak");
		assertThat(streakStrategies(shortStreak)).doesNotContain("protect_streak");
		assertThat(streakStrategies(broken)).doesNotContain("protect_streak");
		assertThat(streakStrategies(longEnough)).contains("protect_streak");
	}

	@Test
	void aRepeatedVoteReplacesTheFirstAndMovesTheScoreOnce() {
		TestUser user = this.users.create();
		JsonNode items = recommendations(user);
		String id = item(items, "invite_friend").get("id").asString();
		String segment = "new";
		long[] before = score("invite_friend", segment);
		assertThat(vote(user, id, true, "nice").status()).isEqualTo(202);
		assertThat(delta(before, score("invite_friend", segment))).containsExactly(1, 0);
		assertThat(vote(user, id, true, "still nice").status()).isEqualTo(202);
		assertThat(delta(before, score("invite_friend", segment))).containsExactly(1, 0);
		assertThat(vote(user, id, false, null).status()).isEqualTo(202);
		assertThat(delta(before, score("invite_friend", segment))).containsExactly(0, 1);
		Map<String, Object> row = this.jdbc
			.sql("SELECT helpful, comment FROM recommendation_feedback WHERE recommendation_id = :id")
			.param("id", UUID.fromString(id))
			.query()
			.singleRow();
		assertThat(row.get("helpful")).isEqualTo(false);
		assertThat(row.get("comment")).isNull();
	}

	@Test
	void feedbackOnAnUnknownOrSomeoneElsesRecommendationIsNotFound() {
		TestUser owner = this.users.create();
		TestUser other = this.users.create();
		String id = recommendations(owner).get(0).get("id").asString();
		Api.Response unknown = vote(owner, UUID.randomUUID().toString(), true, null);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");
		assertThat(vote(other, id, true, null).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT count(*) FROM recommendation_feedback WHERE recommendation_id = :id")
			.param("id", UUID.fromString(id))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void invalidFeedbackIsRejected() {
		TestUser user = this.users.create();
		String id = recommendations(user).get(0).get("id").asString();
		Api.Response longComment = vote(user, id, true, "x".repeat(1001));
		assertThat(longComment.status()).isEqualTo(400);
		assertThat(longComment.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(vote(user, id, true, "x".repeat(1000)).status()).isEqualTo(202);
		assertThat(this.api.post("/api/ai/feedback", Map.of("recommendationId", id)).as(user).send().status())
			.isEqualTo(400);
		assertThat(this.api.post("/api/ai/feedback", Map.of("recommendationId", "nope", "helpful", true))
			.as(user)
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/api/ai/feedback", Map.of("recommendationId", id, "helpful", true, "score", 5))
			.as(user)
			.send()
			.status()).isEqualTo(400);
		assertThat(this.api.post("/api/ai/feedback", Map.of("recommendationId", id, "helpful", true)).send().status())
			.isEqualTo(401);
	}

	@Test
	void concurrentVotesOnOneRecommendationCountAsOne() throws Exception {
		TestUser user = this.users.create();
		String id = item(recommendations(user), "invite_friend").get("id").asString();
		long[] before = score("invite_friend", "new");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		List<java.util.concurrent.Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			boolean helpful = i % 2 == 0;
			calls.add(() -> vote(user, id, helpful, null).status());
		}
		List<Integer> statuses = new ArrayList<>();
		try {
			for (java.util.concurrent.Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).hasSize(20).containsOnly(202);
		boolean stored = this.jdbc.sql("SELECT helpful FROM recommendation_feedback WHERE recommendation_id = :id")
			.param("id", UUID.fromString(id))
			.query(Boolean.class)
			.single();
		assertThat(delta(before, score("invite_friend", "new"))).containsExactly(stored ? 1 : 0, stored ? 0 : 1);
	}

	@Test
	void helpfulFeedbackMovesAStrategyUpForLearningUsers() {
		// An established account (older than 14 days) learns in its own segment.
		Instant base = Instant.parse("2026-08-01T12:00:00Z");
		this.clock.setInstant(base.minus(Duration.ofDays(30)));
		UUID user = learningUser();
		this.clock.setInstant(base);
		double before = firstPlaceShare(user, "invite_friend", base);
		for (int i = 0; i < 40; i++) {
			this.clock.setInstant(base.plusSeconds(3_600 + i));
			for (Recommender.Shown shown : this.recommender.recommend(user)) {
				this.feedback.record(user, shown.id(), shown.candidate().strategy().equals("invite_friend"), null);
			}
		}
		double after = firstPlaceShare(user, "invite_friend", base.plusSeconds(7_200));
		assertThat(before).isLessThan(0.5);
		assertThat(after).isGreaterThan(0.9);
		this.clock.setInstant(base.plusSeconds(9_000));
		TestUser caller = new TestUser(user, null, this.users.tokenFor(user));
		assertThat(strategies(recommendations(caller))).first().isEqualTo("invite_friend");
	}

	@Test
	void theHoldoutKeepsTheUnlearnedOrderWhateverTheFeedback() {
		Instant base = Instant.parse("2026-09-01T12:00:00Z");
		this.clock.setInstant(base);
		UUID inHoldout = null;
		while (inHoldout == null) {
			TestUser candidate = this.users.create();
			if (this.holdout.contains(candidate.id())) {
				inHoldout = candidate.id();
			}
		}
		UUID learning = learningUser();
		List<List<String>> holdoutBefore = orders(inHoldout, base, 20);
		// Votes from a learning user push invite_friend up and start_session down.
		for (int i = 0; i < 40; i++) {
			this.clock.setInstant(base.plusSeconds(60 + i));
			for (Recommender.Shown shown : this.recommender.recommend(learning)) {
				this.feedback.record(learning, shown.id(), shown.candidate().strategy().equals("invite_friend"), null);
			}
		}
		List<List<String>> holdoutAfter = orders(inHoldout, base.plusSeconds(600), 20);
		assertThat(holdoutBefore).containsOnly(List.of("start_session", "invite_friend"));
		assertThat(holdoutAfter).isEqualTo(holdoutBefore);
		assertThat(firstPlaceShare(learning, "invite_friend", base.plusSeconds(1_200))).isGreaterThan(0.9);
		assertThat(this.jdbc.sql("""
				SELECT bool_and(holdout) FROM recommendation_impressions WHERE user_id = :id
				""").param("id", inHoldout).query(Boolean.class).single()).isTrue();
	}

	private UUID learningUser() {
		while (true) {
			TestUser user = this.users.create();
			if (!this.holdout.contains(user.id())) {
				return user.id();
			}
		}
	}

	private double firstPlaceShare(UUID user, String strategy, Instant from) {
		List<List<String>> orders = orders(user, from, 100);
		return orders.stream().filter((order) -> order.get(0).equals(strategy)).count() / 100.0;
	}

	private List<List<String>> orders(UUID user, Instant from, int count) {
		List<List<String>> orders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			this.clock.setInstant(from.plusMillis(i));
			orders.add(builtIn(
					this.recommender.recommend(user).stream().map((shown) -> shown.candidate().strategy()).toList()));
		}
		return orders;
	}

	private JsonNode recommendations(TestUser user) {
		Api.Response response = this.api.get("/api/ai/recommendations").as(user).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("items");
	}

	private Api.Response vote(TestUser user, String id, boolean helpful, String comment) {
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("recommendationId", id);
		body.put("helpful", helpful);
		if (comment != null) {
			body.put("comment", comment);
		}
		return this.api.post("/api/ai/feedback", body).as(user).send();
	}

	private static List<String> builtIn(List<String> strategies) {
		return strategies.stream().filter(BUILT_IN::contains).toList();
	}

	private List<String> streakStrategies(TestUser user) {
		return this.streakStrategies.candidatesFor(user.id(), this.clock.instant())
			.stream()
			.map(Candidate::strategy)
			.toList();
	}

	private static List<String> strategies(JsonNode items) {
		List<String> strategies = new ArrayList<>();
		items.forEach((item) -> strategies.add(item.get("strategy").asString()));
		return strategies;
	}

	private static JsonNode item(JsonNode items, String strategy) {
		for (JsonNode item : items) {
			if (item.get("strategy").asString().equals(strategy)) {
				return item;
			}
		}
		throw new AssertionError("No " + strategy + " in " + items);
	}

	private long[] score(String strategy, String segment) {
		return this.jdbc.sql("""
				SELECT helpful, unhelpful FROM recommendation_scores WHERE strategy = :strategy AND segment = :segment
				""")
			.param("strategy", strategy)
			.param("segment", segment)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional()
			.orElse(new long[] { 0, 0 });
	}

	private static long[] delta(long[] before, long[] after) {
		return new long[] { after[0] - before[0], after[1] - before[1] };
	}

	private void session(UUID userId, Instant startedAt, Instant endsAt, long ratePerHour) {
		this.jdbc.sql("""
				INSERT INTO mining_sessions (user_id, state, started_at, ends_at, rate_per_hour, multipliers)
				VALUES (:userId, 'active', :startedAt, :endsAt, :rate, '[]')
				""")
			.param("userId", userId)
			.param("startedAt", Timestamp.from(startedAt))
			.param("endsAt", Timestamp.from(endsAt))
			.param("rate", ratePerHour)
			.update();
	}

}
