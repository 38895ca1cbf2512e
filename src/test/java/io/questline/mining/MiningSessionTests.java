package io.questline.mining;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.ledger.Ledger;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MiningSessionTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MiningSessionService sessions;

	@BeforeEach
	void stopTheClock() {
		this.clock.setInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	@AfterEach
	void resetClockAndCheckTheLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void startingFixesTheRateAndAccruesFromServerTime() {
		TestUser user = this.users.create();
		Api.Response started = this.api.post("/api/earnings/session/start", "").as(user).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		JsonNode session = started.json().get("session");
		// Day 1 of a streak: +1% on the base rate of 1000 millicoins an hour.
		assertThat(session.get("ratePerHour").asLong()).isEqualTo(1010);
		assertThat(session.get("multipliers").get(0).get("source").asString()).isEqualTo("streak");
		assertThat(session.get("multipliers").get(0).get("bonusPercent").asInt()).isEqualTo(1);
		assertThat(Duration.between(Instant.parse(session.get("startedAt").asString()),
				Instant.parse(session.get("endsAt").asString())))
			.isEqualTo(Duration.ofHours(24));
		assertThat(session.get("accrued").asLong()).isZero();
		this.clock.advance(Duration.ofMinutes(90));
		Api.Response active = this.api.get("/api/earnings/session/active").bearer(token(user)).send();
		assertThat(active.status()).isEqualTo(200);
		assertThat(active.json().get("session").get("id").asLong()).isEqualTo(session.get("id").asLong());
		assertThat(active.json().get("session").get("accrued").asLong()).isEqualTo(1515);
	}

	@Test
	void startingWhileASessionRunsIsAConflict() {
		TestUser user = this.users.create();
		assertThat(this.api.post("/api/earnings/session/start", "").as(user).send().status()).isEqualTo(201);
		Api.Response again = this.api.post("/api/earnings/session/start", "").as(user).send();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("SESSION_ALREADY_ACTIVE");
	}

	@Test
	void endingCreditsWhatWasEarnedOnceAndLeavesNoActiveSession() {
		TestUser user = this.users.create();
		long id = this.api.post("/api/earnings/session/start", "")
			.as(user)
			.send()
			.json()
			.get("session")
			.get("id")
			.asLong();
		this.clock.advance(Duration.ofHours(2));
		Api.Response ended = this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
		assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
		assertThat(ended.json().get("credited").asLong()).isEqualTo(2020);
		assertThat(ended.json().get("session").get("accrued").asLong()).isEqualTo(2020);
		assertThat(creditOf(user.id(), "session:" + id)).containsExactly(2020L);
		Api.Response again = this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("NO_ACTIVE_SESSION");
		Api.Response active = this.api.get("/api/earnings/session/active").bearer(token(user)).send();
		assertThat(active.json().get("session").isNull()).isTrue();
	}

	@Test
	void endingWithoutASessionIsAConflict() {
		Api.Response ended = this.api.post("/api/earnings/session/end", "").as(this.users.create()).send();
		assertThat(ended.status()).isEqualTo(409);
		assertThat(ended.code()).isEqualTo("NO_ACTIVE_SESSION");
	}

	@Test
	void aSessionNobodyEndsIsPaidInFullAtItsEndWhenNextLookedAt() {
		TestUser user = this.users.create();
		long id = this.api.post("/api/earnings/session/start", "")
			.as(user)
			.send()
			.json()
			.get("session")
			.get("id")
			.asLong();
		this.clock.advance(Duration.ofHours(30));
		Api.Response active = this.api.get("/api/earnings/session/active").bearer(token(user)).send();
		assertThat(active.json().get("session").isNull()).isTrue();
		assertThat(creditOf(user.id(), "session:" + id)).containsExactly(24 * 1010L);
		Api.Response next = this.api.post("/api/earnings/session/start", "").bearer(token(user)).send();
		assertThat(next.status()).isEqualTo(201);
		assertThat(next.json().get("session").get("id").asLong()).isNotEqualTo(id);
	}

	@Test
	void endingASessionPastItsEndPaysOnlyUpToTheEnd() {
		TestUser user = this.users.create();
		this.api.post("/api/earnings/session/start", "").as(user).send();
		this.clock.advance(Duration.ofHours(26));
		Api.Response ended = this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
		// The settling job may have got there first; either way it was paid at endsAt
		// once.
		if (ended.status() == 200) {
			assertThat(ended.json().get("credited").asLong()).isEqualTo(24 * 1010L);
		}
		else {
			assertThat(ended.code()).isEqualTo("NO_ACTIVE_SESSION");
		}
		assertThat(this.jdbc.sql("SELECT credited FROM mining_sessions WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(24 * 1010L);
	}

	@Test
	void theSettlingJobPaysOverdueSessionsAtTheirEndAndOnlyOnce() {
		List<TestUser> miners = List.of(this.users.create(), this.users.create(), this.users.create());
		miners.forEach((miner) -> this.api.post("/api/earnings/session/start", "").as(miner).send());
		this.clock.advance(Duration.ofHours(25));
		while (this.sessions.settleOverdue(100) > 0) {
			// drain: other tests' overdue sessions are settled too
		}
		for (TestUser miner : miners) {
			assertThat(this.jdbc
				.sql("""
						SELECT count(*) FROM ledger_transactions t JOIN mining_sessions s ON t.reference = 'session:' || s.id
						 WHERE s.user_id = :id AND s.state = 'settled' AND s.earned_until = s.ends_at
						""")
				.param("id", miner.id())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		assertThat(this.sessions.settleOverdue(100)).isZero();
	}

	@Test
	void fiftyConcurrentEndsOfOneSessionCreditItOnce() throws Exception {
		TestUser user = this.users.create();
		long id = this.api.post("/api/earnings/session/start", "")
			.as(user)
			.send()
			.json()
			.get("session")
			.get("id")
			.asLong();
		this.clock.advance(Duration.ofHours(3));
		String token = token(user);
		List<Integer> statuses = concurrently(50,
				() -> this.api.post("/api/earnings/session/end", "").bearer(token).send().status());
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(49);
		assertThat(creditOf(user.id(), "session:" + id)).containsExactly(3 * 1010L);
		// The session credit plus the first-session milestone, nothing more.
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(3 * 1010L + 1000L);
	}

	@Test
	void fiftyConcurrentStartsOpenOneSession() throws Exception {
		TestUser user = this.users.create();
		List<Integer> statuses = concurrently(50,
				() -> this.api.post("/api/earnings/session/start", "").as(user).send().status());
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(49);
		assertThat(this.jdbc.sql("SELECT count(*) FROM mining_sessions WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anonymousCallersAreRefused() {
		assertThat(this.api.get("/api/earnings/session/active").send().status()).isEqualTo(401);
		assertThat(this.api.post("/api/earnings/session/start", "").send().status()).isEqualTo(401);
	}

	private String token(TestUser user) {
		return this.users.tokenFor(user.id());
	}

	private List<Long> creditOf(UUID userId, String reference) {
		return this.jdbc.sql("""
				SELECT e.amount FROM ledger_transactions t
				  JOIN ledger_entries e ON e.transaction_id = t.id
				  JOIN ledger_accounts a ON a.id = e.account_id
				 WHERE t.reference = :reference AND a.user_id = :userId
				""").param("reference", reference).param("userId", userId).query(Long.class).list();
	}

	private static <T> List<T> concurrently(int times, Callable<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<T>> calls = new ArrayList<>();
			for (int i = 0; i < times; i++) {
				calls.add(call);
			}
			List<T> results = new ArrayList<>();
			for (Future<T> result : pool.invokeAll(calls)) {
				results.add(result.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
