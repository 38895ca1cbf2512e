package io.questline.streaks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.support.Api;
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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class StreakTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void resetClockAndCheckTheLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void startingASessionCountsTheDayOnceInTheUsersTimezone() {
		// 23:30 in Tokyo.
		this.clock.setInstant(Instant.parse("2031-02-10T14:30:00Z"));
		TestUser user = this.users.inZone("Asia/Tokyo");
		mineBriefly(user);
		mineBriefly(user);
		JsonNode streak = streak(user);
		assertThat(streak.get("current").asInt()).isEqualTo(1);
		assertThat(streak.get("todayCounted").asBoolean()).isTrue();
		assertThat(Instant.parse(streak.get("nextDeadline").asString()))
			.isEqualTo(LocalDate.of(2031, 2, 12).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
		// An hour later it is the next day in Tokyo, though not in UTC.
		this.clock.advance(Duration.ofHours(1));
		assertThat(streak(user).get("todayCounted").asBoolean()).isFalse();
		Api.Response started = this.api.post("/api/earnings/session/start", "").bearer(token(user)).send();
		assertThat(started.json().get("session").get("ratePerHour").asLong()).isEqualTo(1020);
		assertThat(streak(user).get("current").asInt()).isEqualTo(2);
		assertThat(streak(user).get("longest").asInt()).isEqualTo(2);
	}

	@Test
	void aStreakPastItsDeadlineShowsZeroAndRestartsAtTheNextActivity() {
		this.clock.setInstant(Instant.parse("2031-03-01T10:00:00Z"));
		TestUser user = this.users.create();
		mineBriefly(user);
		this.clock.advance(Duration.ofDays(1));
		mineBriefly(user);
		this.clock.advance(Duration.ofDays(2));
		JsonNode lost = streak(user);
		assertThat(lost.get("current").asInt()).isZero();
		assertThat(lost.get("longest").asInt()).isEqualTo(2);
		assertThat(lost.get("nextDeadline").isNull()).isTrue();
		mineBriefly(user);
		assertThat(streak(user).get("current").asInt()).isEqualTo(1);
		assertThat(streak(user).get("longest").asInt()).isEqualTo(2);
	}

	@Test
	void aBoughtFreezeCoversAMissedDay() {
		this.clock.setInstant(Instant.parse("2031-04-01T10:00:00Z"));
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 50_000,
				"reward", "test:" + UUID.randomUUID()));
		Api.Response bought = this.api
			.post("/api/transactions/create", "{\"type\":\"purchase\",\"itemCode\":\"streak_freeze\"}")
			.as(user)
			.idempotencyKey(UUID.randomUUID().toString())
			.send();
		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
		mineBriefly(user);
		assertThat(streak(user).get("freezesAvailable").asInt()).isEqualTo(1);
		this.clock.advance(Duration.ofDays(2));
		JsonNode beforeComingBack = streak(user);
		assertThat(beforeComingBack.get("current").asInt()).isEqualTo(1);
		mineBriefly(user);
		JsonNode after = streak(user);
		assertThat(after.get("current").asInt()).isEqualTo(2);
		assertThat(after.get("freezesAvailable").asInt()).isZero();
	}

	@Test
	void aCompletedTaskCountsTheDayToo() {
		this.clock.setInstant(Instant.parse("2031-05-01T10:00:00Z"));
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult(
				(status) -> this.events.publishEvent(new TaskCompleted(user.id(), 1, 0, this.clock.instant())));
		assertThat(streak(user).get("current").asInt()).isEqualTo(1);
		assertThat(streak(user).get("todayCounted").asBoolean()).isTrue();
	}

	@Test
	void aNewUserHasNoStreak() {
		JsonNode streak = streak(this.users.create());
		assertThat(streak.get("current").asInt()).isZero();
		assertThat(streak.get("longest").asInt()).isZero();
		assertThat(streak.get("todayCounted").asBoolean()).isFalse();
		assertThat(streak.get("freezesAvailable").asInt()).isZero();
		assertThat(streak.get("nextDeadline").isNull()).isTrue();
	}

	private void mineBriefly(TestUser user) {
		Api.Response started = this.api.post("/api/earnings/session/start", "").bearer(token(user)).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.api.post("/api/earnings/session/end", "").bearer(token(user)).send().status()).isEqualTo(200);
	}

	private JsonNode streak(TestUser user) {
		Api.Response response = this.api.get("/api/earnings/streak").bearer(token(user)).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private String token(TestUser user) {
		return this.users.tokenFor(user.id());
	}

}
