package io.questline.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.questline.ledger.Leg;
import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.mining.MiningSessionCompleted;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every figure of the dashboard and the performance report against a history built by
 * hand for a user in Tokyo (UTC+9), with postings on both sides of midnight there (which
 * is 15:00 UTC), so a figure counted in UTC days would come out different.
 */
@IntegrationTest
class AnalyticsTests {

	private static final Instant NOW = Instant.parse("2031-03-11T03:00:00Z"); // 12:00 in
																				// Tokyo

	private static final AtomicLong sessionIds = new AtomicLong();

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	TestHistory past;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void resetClock() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).isTrue();
	}

	@Test
	void theDashboardCountsDaysInTheUsersTimezone() {
		History history = tokyoHistory();
		this.clock.setInstant(NOW);
		JsonNode dashboard = get(history.user(), "/api/analytics/dashboard");
		assertThat(dashboard.get("balance").asLong()).isEqualTo(29_500);
		assertThat(dashboard.get("earnedToday").asLong()).isEqualTo(7_000);
		assertThat(dashboard.get("earned7d").asLong()).isEqualTo(19_500);
		assertThat(dashboard.get("earned30d").asLong()).isEqualTo(20_600);
		assertThat(dashboard.get("streak").asInt()).isEqualTo(4);
		JsonNode session = dashboard.get("activeSession");
		assertThat(session.get("id").asLong()).isEqualTo(history.activeSessionId());
		assertThat(session.get("startedAt").asString()).isEqualTo("2031-03-11T01:00:00Z");
		assertThat(session.get("endsAt").asString()).isEqualTo("2031-03-12T01:00:00Z");
		assertThat(session.get("ratePerHour").asLong()).isEqualTo(1_250);
		assertThat(session.get("accrued").asLong()).isEqualTo(2_500);
		// In no squad, and mined nothing counted in the window (no completed session).
		assertThat(dashboard.has("squad")).isTrue();
		assertThat(dashboard.get("squad").isNull()).isTrue();
		assertThat(dashboard.has("rank")).isTrue();
		assertThat(dashboard.get("rank").isNull()).isTrue();
		// One minute before midnight in Tokyo the 00:01 credit is still "tomorrow" away:
		// earned today is then the 10th's.
		this.clock.setInstant(Instant.parse("2031-03-10T14:59:30Z"));
		JsonNode evening = get(history.user(), "/api/analytics/dashboard");
		assertThat(evening.get("earnedToday").asLong()).isEqualTo(12_000);
	}

	@Test
	void theSeriesFillsGapsWithZerosAndSplitsDaysAtTheUsersMidnight() {
		History history = tokyoHistory();
		this.clock.setInstant(NOW);
		JsonNode performance = get(history.user(), "/api/analytics/performance?days=3");
		JsonNode series = performance.get("series");
		assertThat(series).hasSize(3);
		assertDay(series.get(0), "2031-03-09", 0, 0);
		assertDay(series.get(1), "2031-03-10", 12_000, 2);
		assertDay(series.get(2), "2031-03-11", 7_000, 1);
		// 8 000 + 9 000 credited over 8 h + 6 h of earning.
		assertThat(performance.get("averageRatePerHour").asLong()).isEqualTo(17_000 * 3_600_000L / (14 * 3_600_000L));
		JsonNode month = get(history.user(), "/api/analytics/performance").get("series");
		assertThat(month).hasSize(30);
		assertDay(month.get(0), "2031-02-10", 300, 0);
		assertDay(month.get(10), "2031-02-20", 0, 1);
		assertDay(month.get(22), "2031-03-04", 800, 0);
		assertDay(month.get(23), "2031-03-05", 500, 0);
		long total = 0;
		for (JsonNode day : month) {
			total += day.get("earned").asLong();
		}
		assertThat(total).isEqualTo(20_600);
		assertThat(get(history.user(), "/api/analytics/performance?days=30").get("averageRatePerHour").asLong())
			.isEqualTo(27_000 / 24);
		assertThat(get(history.user(), "/api/analytics/performance?days=90").get("series")).hasSize(90);
		assertThat(get(history.user(), "/api/analytics/performance?days=1").get("series")).hasSize(1);
	}

	@Test
	void aUserWithNoHistoryHasZerosAndNoPercentile() {
		TestUser user = this.users.create();
		JsonNode dashboard = get(user, "/api/analytics/dashboard");
		assertThat(dashboard.get("balance").asLong()).isZero();
		assertThat(dashboard.get("earned30d").asLong()).isZero();
		assertThat(dashboard.get("streak").asInt()).isZero();
		assertThat(dashboard.get("activeSession").isNull()).isTrue();
		JsonNode performance = get(user, "/api/analytics/performance?days=7");
		assertThat(performance.get("series")).hasSize(7);
		performance.get("series").forEach((day) -> {
			assertThat(day.get("earned").asLong()).isZero();
			assertThat(day.get("sessions").asInt()).isZero();
		});
		assertThat(performance.get("averageRatePerHour").asLong()).isZero();
		assertThat(performance.get("percentile").isNull()).isTrue();
	}

	@Test
	void theStreakOnTheDashboardIsKeptByFreezesAndLostWithout() {
		this.clock.setInstant(NOW);
		TestUser covered = this.users.inZone("Asia/Tokyo");
		this.past.streak(covered.id(), 6, LocalDate.parse("2031-03-09"), 1);
		TestUser lost = this.users.inZone("Asia/Tokyo");
		this.past.streak(lost.id(), 6, LocalDate.parse("2031-03-08"), 1);
		assertThat(get(covered, "/api/analytics/dashboard").get("streak").asInt()).isEqualTo(6);
		assertThat(get(lost, "/api/analytics/dashboard").get("streak").asInt()).isZero();
	}

	@Test
	void thePercentileRanksCoinsMinedAmongUsersActiveInTheLast30Days() {
		// A window of its own: the database is shared with every other test class.
		Instant now = Instant.parse("2047-06-15T12:00:00Z");
		this.clock.setInstant(now);
		TestUser low = this.users.create();
		TestUser middle = this.users.create();
		TestUser alsoMiddle = this.users.create();
		TestUser top = this.users.create();
		TestUser me = this.users.create();
		TestUser gone = this.users.create();
		completed(low.id(), 1_000, "2047-06-01T10:00:00Z");
		completed(middle.id(), 5_000, "2047-06-02T10:00:00Z");
		completed(alsoMiddle.id(), 5_000, "2047-05-17T00:30:00Z");
		completed(top.id(), 12_000, "2047-06-03T10:00:00Z");
		completed(top.id(), 8_000, "2047-06-04T10:00:00Z");
		completed(me.id(), 8_000, "2047-06-10T10:00:00Z");
		completed(me.id(), 9_000, "2047-06-14T23:00:00Z");
		// Mined before the window: not active.
		completed(gone.id(), 50_000, "2047-05-16T23:59:00Z");
		this.clock.setInstant(now);
		// Active: 1 000, 5 000, 5 000, 17 000 (me), 20 000; three below me, one equal.
		assertThat(percentile(me)).isEqualTo(70.0);
		assertThat(percentile(middle)).isEqualTo(40.0);
		assertThat(percentile(top)).isEqualTo(90.0);
		assertThat(get(gone, "/api/analytics/performance").get("percentile").isNull()).isTrue();
		// Rank by coins mined, 1 for the most; equal totals share a rank.
		assertThat(rank(top)).isEqualTo(1);
		assertThat(rank(me)).isEqualTo(2);
		assertThat(rank(middle)).isEqualTo(3);
		assertThat(rank(alsoMiddle)).isEqualTo(3);
		assertThat(rank(low)).isEqualTo(5);
		assertThat(get(gone, "/api/analytics/dashboard").get("rank").isNull()).isTrue();
		assertThat(this.jdbc.sql("SELECT count(*) FROM analytics_daily_mining WHERE user_id = :id")
			.param("id", top.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theDashboardShowsTheUsersSquad() {
		TestUser user = this.users.create();
		String name = "Dashboard squad " + UUID.randomUUID().toString().substring(0, 8);
		long squadId = this.jdbc.sql("""
				INSERT INTO squads (name, description, capacity, bonus_percent, created_at)
				VALUES (:name, 'made by a test', 10, 15, now()) RETURNING id
				""").param("name", name).query(Long.class).single();
		assertThat(get(user, "/api/analytics/dashboard").get("squad").isNull()).isTrue();
		Api.Response joined = this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(user).send();
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(this.users.create()).send();

		JsonNode squad = get(user, "/api/analytics/dashboard").get("squad");
		assertThat(squad.get("id").asLong()).isEqualTo(squadId);
		assertThat(squad.get("name").asString()).isEqualTo(name);
		assertThat(squad.get("memberCount").asInt()).isEqualTo(2);
		assertThat(squad.get("bonusPercent").asInt()).isEqualTo(15);
		assertThat(squad.size()).isEqualTo(4);
	}

	@Test
	void daysOutsideOneToNinetyAreRejected() {
		TestUser user = this.users.create();
		for (String days : List.of("0", "91", "-3", "abc", "1.5")) {
			Api.Response response = this.api.get("/api/analytics/performance?days=" + days).as(user).send();
			assertThat(response.status()).as(days).isEqualTo(400);
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		}
		assertThat(this.api.get("/api/analytics/dashboard").send().status()).isEqualTo(401);
	}

	private History tokyoHistory() {
		this.clock.setInstant(Instant.parse("2031-02-01T00:00:00Z"));
		TestUser user = this.users.inZone("Asia/Tokyo");
		TestUser friend = this.users.create();
		credit(user.id(), SystemAccount.REWARDS, 400, "reward", "2031-02-09T14:00:00Z"); // 9
																							// Feb
																							// 23:00
		credit(user.id(), SystemAccount.REWARDS, 300, "reward", "2031-02-09T16:00:00Z"); // 10
																							// Feb
																							// 01:00
		credit(user.id(), SystemAccount.REWARDS, 800, "reward", "2031-03-04T14:00:00Z"); // 4
																							// Mar
																							// 23:00
		credit(user.id(), SystemAccount.PRIZES, 500, "prize", "2031-03-04T16:00:00Z"); // 5
																						// Mar
																						// 01:00
		credit(user.id(), SystemAccount.MINING, 10_000, "mining", "2031-03-09T15:30:00Z"); // 10
																							// Mar
																							// 00:30
		credit(user.id(), SystemAccount.REFERRALS, 2_000, "referral", "2031-03-10T14:59:00Z"); // 10
																								// Mar
																								// 23:59
		credit(user.id(), SystemAccount.MINING, 7_000, "mining", "2031-03-10T15:01:00Z"); // 11
																							// Mar
																							// 00:01
		// Coins bought, received from a friend, and spent: in the balance, never
		// "earned".
		credit(user.id(), SystemAccount.PAYMENTS, 9_000, "payment", "2031-03-11T01:00:00Z");
		credit(friend.id(), SystemAccount.REWARDS, 3_000, "reward", "2031-03-11T01:30:00Z");
		at("2031-03-11T02:00:00Z", () -> this.ledger.post("test:" + UUID.randomUUID(), "transfer",
				List.of(Leg.user(friend.id(), -1_000), Leg.user(user.id(), 1_000)), Map.of()));
		at("2031-03-11T02:30:00Z", () -> this.ledger.post("test:" + UUID.randomUUID(), "transfer",
				List.of(Leg.user(user.id(), -1_500), Leg.user(friend.id(), 1_500)), Map.of()));
		settledSession(user.id(), "2031-02-20T00:00:00Z", Duration.ofHours(10), 1_000); // 20
																						// Feb
																						// 09:00
		settledSession(user.id(), "2031-03-09T15:10:00Z", Duration.ofHours(8), 1_000); // 10
																						// Mar
																						// 00:10
		settledSession(user.id(), "2031-03-10T14:50:00Z", Duration.ofHours(6), 1_500); // 10
																						// Mar
																						// 23:50
		// 11 Mar 10:00, still earning.
		long active = session(user.id(), "active", Instant.parse("2031-03-11T01:00:00Z"), null, 1_250, null);
		this.past.streak(user.id(), 4, LocalDate.parse("2031-03-10"), 0);
		this.clock.setInstant(NOW);
		return new History(new TestUser(user.id(), user.email(), this.users.tokenFor(user.id())), active);
	}

	private void credit(UUID userId, SystemAccount from, long amount, String type, String at) {
		at(at, () -> this.ledger.credit(userId, from, amount, type, "test:" + UUID.randomUUID()));
	}

	private void at(String instant, Runnable work) {
		this.clock.setInstant(Instant.parse(instant));
		this.transactions.executeWithoutResult((status) -> work.run());
	}

	private void settledSession(UUID userId, String startedAt, Duration earned, long ratePerHour) {
		Instant start = Instant.parse(startedAt);
		session(userId, "settled", start, start.plus(earned), ratePerHour, ratePerHour * earned.toHours());
	}

	private long session(UUID userId, String state, Instant startedAt, Instant earnedUntil, long ratePerHour,
			Long credited) {
		return this.jdbc.sql("""
				INSERT INTO mining_sessions (user_id, state, started_at, ends_at, rate_per_hour, multipliers,
				                             earned_until, credited, settled_at)
				VALUES (:userId, :state, :startedAt, :endsAt, :rate, '[]', :earnedUntil, :credited, :settledAt)
				RETURNING id
				""")
			.param("userId", userId)
			.param("state", state)
			.param("startedAt", Timestamp.from(startedAt))
			.param("endsAt", Timestamp.from(startedAt.plus(Duration.ofHours(24))))
			.param("rate", ratePerHour)
			.param("earnedUntil", (earnedUntil != null) ? Timestamp.from(earnedUntil) : null)
			.param("credited", credited)
			.param("settledAt", (earnedUntil != null) ? Timestamp.from(earnedUntil) : null)
			.query(Long.class)
			.single();
	}

	private void completed(UUID userId, long credited, String endedAt) {
		Instant end = Instant.parse(endedAt);
		this.clock.setInstant(end);
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new MiningSessionCompleted(userId,
				-sessionIds.incrementAndGet(), credited, end.minus(Duration.ofHours(24)), end, 1)));
	}

	private double percentile(TestUser user) {
		return get(user, "/api/analytics/performance").get("percentile").asDouble();
	}

	private long rank(TestUser user) {
		return get(user, "/api/analytics/dashboard").get("rank").asLong();
	}

	private JsonNode get(TestUser user, String path) {
		Api.Response response = this.api.get(path).bearer(this.users.tokenFor(user.id())).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static void assertDay(JsonNode day, String date, long earned, int sessions) {
		assertThat(day.get("date").asString()).isEqualTo(date);
		assertThat(day.get("earned").asLong()).as("earned on %s", date).isEqualTo(earned);
		assertThat(day.get("sessions").asInt()).as("sessions on %s", date).isEqualTo(sessions);
	}

	private record History(TestUser user, long activeSessionId) {

	}

}
