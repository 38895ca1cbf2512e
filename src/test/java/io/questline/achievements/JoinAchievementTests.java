package io.questline.achievements;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.recommendations.Candidate;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Achievements for joining squads and events (counted from {@code SquadJoined} and
 * {@code EventJoined}, in the joining transaction), and the claim_achievement
 * recommendation.
 */
@IntegrationTest
class JoinAchievementTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	ClaimStrategy strategy;

	@AfterEach
	void ledgerHolds() {
		assertThat(this.ledger.check().holds()).isTrue();
	}

	@Test
	void joiningASquadCountsOnceEvenWhenLeavingAndJoiningAgain() {
		TestUser user = this.users.create();
		long squadId = squad(5);
		assertThat(progressOf(user, "squad_up").get("completed").asBoolean()).isFalse();
		assertThat(join(user, squadId).status()).isEqualTo(200);
		assertThat(progressOf(user, "squad_up").get("progress").asLong()).isEqualTo(1);
		assertThat(progressOf(user, "squad_up").get("completed").asBoolean()).isTrue();
		assertThat(this.api.post("/api/squads/leave", Map.of()).as(user).send().status()).isEqualTo(200);
		assertThat(join(user, squadId).status()).isEqualTo(200);
		assertThat(progressOf(user, "squad_up").get("progress").asLong()).isEqualTo(1);
	}

	@Test
	void aRefusedJoinLeavesNoProgress() {
		long full = squad(1);
		assertThat(join(this.users.create(), full).status()).isEqualTo(200);
		TestUser user = this.users.create();
		Response refused = join(user, full);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("SQUAD_FULL");
		assertThat(progressOf(user, "squad_up").get("progress").asLong()).isZero();
	}

	@Test
	void joiningEventsCountsEachEventOnce() {
		TestUser user = this.users.create();
		long first = liveEvent();
		long second = liveEvent();
		assertThat(participate(user, first).status()).isEqualTo(200);
		assertThat(participate(user, first).status()).isEqualTo(409);
		assertThat(progressOf(user, "first_event").get("completed").asBoolean()).isTrue();
		assertThat(participate(user, second).status()).isEqualTo(200);
		assertThat(progressOf(user, "events_5").get("progress").asLong()).isEqualTo(2);
		assertThat(progressOf(user, "events_5").get("completed").asBoolean()).isFalse();
	}

	@Test
	void aReachedUnclaimedAchievementIsRecommendedUntilClaimed() {
		TestUser user = this.users.create();
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isEmpty();
		assertThat(join(user, squad(5)).status()).isEqualTo(200);

		List<Candidate> candidates = this.strategy.candidatesFor(user.id(), this.clock.instant());
		assertThat(candidates).hasSize(1);
		Candidate candidate = candidates.get(0);
		long reward = this.jdbc.sql("SELECT reward FROM achievements WHERE code = 'squad_up'")
			.query(Long.class)
			.single();
		assertThat(candidate.strategy()).isEqualTo("claim_achievement");
		assertThat(candidate.reason()).contains("Squad up");
		assertThat(candidate.expectedGain()).isEqualTo(reward);

		Response claimed = this.api.post("/api/achievements/claim", Map.of("code", "squad_up")).as(user).send();
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isEmpty();
		JsonNode items = this.api.get("/api/ai/recommendations").as(user).send().json().get("items");
		items.forEach((item) -> assertThat(item.get("strategy").asString()).isNotEqualTo("claim_achievement"));
	}

	private long squad(int capacity) {
		return this.jdbc.sql("""
				INSERT INTO squads (name, description, capacity, bonus_percent, created_at)
				VALUES (:name, 'made by a test', :capacity, 10, now()) RETURNING id
				""")
			.param("name", "Achievement squad " + UUID.randomUUID().toString().substring(0, 8))
			.param("capacity", capacity)
			.query(Long.class)
			.single();
	}

	private Response join(TestUser user, long squadId) {
		return this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(user).send();
	}

	private long liveEvent() {
		Instant now = this.clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "Achievement event " + UUID.randomUUID().toString().substring(0, 8));
		body.put("startsAt", now.minusSeconds(1).toString());
		body.put("endsAt", now.plus(Duration.ofHours(3)).toString());
		body.put("metric", "tasks_completed");
		body.put("prizes", List.of());
		Response created = this.api.post("/api/admin/events/create", body).as(this.users.admin()).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private Response participate(TestUser user, long eventId) {
		return this.api.post("/api/events/participate", Map.of("eventId", eventId)).as(user).send();
	}

	private JsonNode progressOf(TestUser user, String code) {
		Response response = this.api.get("/api/achievements/progress").as(user).send();
		assertThat(response.status()).isEqualTo(200);
		for (JsonNode item : response.json().get("items")) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("No progress for " + code);
	}

}
