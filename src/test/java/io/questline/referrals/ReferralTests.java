package io.questline.referrals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.questline.ledger.Ledger;
import io.questline.mining.MiningMultiplier;
import io.questline.mining.MiningSessionCompleted;
import io.questline.shared.web.InvalidRequestException;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import io.questline.users.UserRegistered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ReferralTests {

	private static final AtomicLong sessionIds = new AtomicLong(8_000_000);

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
	ReferralProperties properties;

	@Autowired
	ReferralMiningBonus bonus;

	@AfterEach
	void ledgerInvariantHolds() {
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void anInviteCarriesTheUsersStableCodeAndItsUrl() {
		TestUser user = this.users.create();
		String code = codeOf(user.id());
		Response first = this.api.post("/api/referrals/create", Map.of("channel", "whatsapp")).as(user).send();
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("code").asString()).isEqualTo(code);
		assertThat(first.json().get("url").asString()).isEqualTo(this.properties.urlBase() + code);
		assertThat(Instant.parse(first.json().get("createdAt").asString())).isNotNull();
		Response second = this.api.post("/api/referrals/create", "{}").as(user).send();
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("code").asString()).isEqualTo(code);
		assertThat(this.jdbc.sql("SELECT count(*) FROM referral_invites WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aChannelOverThirtyTwoCharactersOrANullBodyIsRefused() {
		TestUser user = this.users.create();
		Response response = this.api.post("/api/referrals/create", Map.of("channel", "c".repeat(33))).as(user).send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.api.post("/api/referrals/create", "null").as(user).send().status()).isEqualTo(400);
		assertThat(this.jdbc.sql("SELECT count(*) FROM referral_invites WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theDailyInviteLimitHoldsUnderConcurrency() throws Exception {
		TestUser user = this.users.create();
		int limit = this.properties.invitesPerDay();
		ExecutorService pool = Executors.newFixedThreadPool(limit + 10);
		List<Integer> statuses = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < limit + 10; i++) {
				calls.add(() -> this.api.post("/api/referrals/create", "{}").as(user).send());
			}
			for (Future<Response> result : pool.invokeAll(calls)) {
				Response response = result.get();
				statuses.add(response.status());
				codes.add(response.code());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(limit);
		assertThat(statuses).filteredOn((status) -> status == 422).hasSize(10);
		assertThat(codes).filteredOn("REFERRAL_LIMIT_REACHED"::equals).hasSize(10);
	}

	@Test
	void registeringWithACodeLinksTheInviteeToTheReferrerOnce() {
		TestUser referrer = this.users.create();
		TestUser other = this.users.create();
		TestUser invitee = this.users.create();
		register(invitee.id(), codeOf(referrer.id()));
		register(invitee.id(), codeOf(other.id()));
		assertThat(referrerOf(invitee.id())).contains(referrer.id());
		assertThat(this.jdbc.sql("SELECT count(*) FROM referrals WHERE invitee_id = :id")
			.param("id", invitee.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void registeringWithoutACodeLinksNobody() {
		TestUser invitee = this.users.create();
		register(invitee.id(), null);
		register(invitee.id(), " ");
		assertThat(referrerOf(invitee.id())).isEmpty();
	}

	@Test
	void anUnknownOrOwnCodeFailsTheRegistrationAndRollsItBack() {
		TestUser invitee = this.users.create();
		String marker = "rolled-back-" + UUID.randomUUID();
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("UPDATE users SET bio = :bio WHERE id = :id")
				.param("bio", marker)
				.param("id", invitee.id())
				.update();
			this.events.publishEvent(new UserRegistered(invitee.id(), "NO-SUCH-CODE", Instant.now()));
		})).isInstanceOf(InvalidRequestException.class);
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE bio = :bio")
			.param("bio", marker)
			.query(Long.class)
			.single()).isZero();
		assertThatThrownBy(() -> register(invitee.id(), codeOf(invitee.id())))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(referrerOf(invitee.id())).isEmpty();
	}

	@Test
	void theInviteesFirstMiningSessionPaysBothOnce() {
		TestUser referrer = this.users.create();
		TestUser invitee = this.users.create();
		register(invitee.id(), codeOf(referrer.id()));
		long reward = this.properties.reward();
		assertThat(referralCredits(invitee.id())).isZero();

		completeSession(invitee.id(), 1);
		assertThat(referralCredits(invitee.id())).isEqualTo(reward);
		assertThat(referralCredits(referrer.id())).isEqualTo(reward);
		assertThat(this.ledger.isPosted("referral:" + invitee.id() + ":invitee")).isTrue();
		assertThat(this.ledger.isPosted("referral:" + invitee.id() + ":referrer")).isTrue();

		completeSession(invitee.id(), 1);
		completeSession(invitee.id(), 2);
		assertThat(referralCredits(invitee.id())).isEqualTo(reward);
		assertThat(referralCredits(referrer.id())).isEqualTo(reward);
		// ReferralRewarded reached the referrer's achievements.
		assertThat(this.jdbc.sql("""
				SELECT value FROM achievement_counters WHERE user_id = :id AND metric = 'referrals_rewarded'
				""").param("id", referrer.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aUserWithoutReferrerGetsNoReferralReward() {
		TestUser user = this.users.create();
		completeSession(user.id(), 1);
		assertThat(referralCredits(user.id())).isZero();
		assertThat(this.ledger.isPosted("referral:" + user.id() + ":invitee")).isFalse();
	}

	@Test
	void fiftyConcurrentFirstSessionEventsPayOnce() throws Exception {
		TestUser referrer = this.users.create();
		TestUser invitee = this.users.create();
		register(invitee.id(), codeOf(referrer.id()));
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Void>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(() -> {
					completeSession(invitee.id(), 1);
					return null;
				});
			}
			for (Future<Void> result : pool.invokeAll(calls)) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(referralCredits(invitee.id())).isEqualTo(this.properties.reward());
		assertThat(referralCredits(referrer.id())).isEqualTo(this.properties.reward());
	}

	@Test
	void theMiningBonusCountsInviteesMiningNowUpToTheCap() {
		TestUser referrer = this.users.create();
		List<TestUser> invitees = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			TestUser invitee = this.users.create();
			register(invitee.id(), codeOf(referrer.id()));
			invitees.add(invitee);
		}
		Instant now = Instant.now();
		assertThat(this.bonus.multiplierFor(referrer.id(), now)).isEmpty();
		assertThat(this.bonus.multiplierFor(this.users.create().id(), now)).isEmpty();

		startMining(invitees.get(0).id(), now.minusSeconds(60));
		startMining(invitees.get(1).id(), now.minusSeconds(60));
		Optional<MiningMultiplier> two = this.bonus.multiplierFor(referrer.id(), now);
		assertThat(two).contains(MiningMultiplier.bonus("referrals", 2 * this.properties.bonusPercentPerInvitee()));

		for (int i = 2; i < 6; i++) {
			startMining(invitees.get(i).id(), now.minusSeconds(60));
		}
		assertThat(this.bonus.multiplierFor(referrer.id(), now))
			.contains(MiningMultiplier.bonus("referrals", this.properties.maxBonusPercent()));
		// Sessions that have ended no longer count.
		assertThat(this.bonus.multiplierFor(referrer.id(), now.plus(Duration.ofHours(25)))).isEmpty();
	}

	private void register(UUID userId, String code) {
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new UserRegistered(userId, code, Instant.now())));
	}

	private void completeSession(UUID userId, long completedSessions) {
		Instant now = Instant.now();
		this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new MiningSessionCompleted(userId,
				sessionIds.incrementAndGet(), 1_000, now.minusSeconds(3600), now, completedSessions)));
	}

	private void startMining(UUID userId, Instant startedAt) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", userId);
		params.put("startedAt", Timestamp.from(startedAt));
		params.put("endsAt", Timestamp.from(startedAt.plus(Duration.ofHours(24))));
		this.jdbc.sql("""
				INSERT INTO mining_sessions (user_id, state, started_at, ends_at, rate_per_hour, multipliers)
				VALUES (:id, 'active', :startedAt, :endsAt, 1000, '[]')
				""").params(params).update();
	}

	private String codeOf(UUID userId) {
		return this.jdbc.sql("SELECT referral_code FROM users WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.single();
	}

	private Optional<UUID> referrerOf(UUID inviteeId) {
		return this.jdbc.sql("SELECT referrer_id FROM referrals WHERE invitee_id = :id")
			.param("id", inviteeId)
			.query(UUID.class)
			.optional();
	}

	/**
	 * What the referral feature paid a user (first sessions also pay milestones, which
	 * are not this feature's business).
	 */
	private long referralCredits(UUID userId) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(e.amount), 0)
				  FROM ledger_entries e
				  JOIN ledger_accounts a ON a.id = e.account_id
				  JOIN ledger_transactions t ON t.id = e.transaction_id
				 WHERE a.user_id = :id AND t.reference LIKE 'referral:%'
				""").param("id", userId).query(Long.class).single();
	}

}
