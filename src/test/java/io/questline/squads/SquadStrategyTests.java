package io.questline.squads;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.mining.MiningEstimates;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join_squad recommendation: offered to a user in no squad, naming the best open
 * squad, and never to a member.
 */
@IntegrationTest
class SquadStrategyTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SquadStrategy strategy;

	@Autowired
	MiningEstimates estimates;

	@Test
	void aUserInNoSquadIsOfferedTheBestOpenSquadWithItsBonusOnASession() {
		// The most a squad can give, and nearly full: first in the "best open" order.
		String name = "Best squad " + UUID.randomUUID().toString().substring(0, 8);
		long squadId = this.jdbc.sql("""
				INSERT INTO squads (name, description, capacity, member_count, bonus_percent, created_at)
				VALUES (:name, 'made by a test', 1000, 999, 100, now()) RETURNING id
				""").param("name", name).query(Long.class).single();
		try {
			TestUser user = this.users.create();
			List<Candidate> candidates = this.strategy.candidatesFor(user.id(), this.clock.instant());
			assertThat(candidates).hasSize(1);
			Candidate candidate = candidates.get(0);
			assertThat(candidate.strategy()).isEqualTo("join_squad");
			assertThat(candidate.reason()).contains(name).contains("+100%");
			// 100% of a 24-hour session at 1 coin an hour (the configured Rules).
			assertThat(candidate.expectedGain()).isEqualTo(24_000).isEqualTo(this.estimates.bonusOnSession(100));
		}
		finally {
			// Full from now on, so no later test is offered it.
			this.jdbc.sql("UPDATE squads SET member_count = capacity WHERE id = :id").param("id", squadId).update();
		}
	}

	@Test
	void aSquadMemberIsNotOfferedASquad() {
		long squadId = this.jdbc.sql("""
				INSERT INTO squads (name, description, capacity, bonus_percent, created_at)
				VALUES (:name, 'made by a test', 5, 10, now()) RETURNING id
				""")
			.param("name", "Member squad " + UUID.randomUUID().toString().substring(0, 8))
			.query(Long.class)
			.single();
		TestUser user = this.users.create();
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).extracting(Candidate::strategy)
			.containsExactly("join_squad");
		Response joined = this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(user).send();
		assertThat(joined.status()).as(joined.toString()).isEqualTo(200);

		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isEmpty();
		Response recommendations = this.api.get("/api/ai/recommendations").as(user).send();
		assertThat(recommendations.status()).isEqualTo(200);
		assertThat(recommendations.json().get("items").size()).isPositive();
		recommendations.json()
			.get("items")
			.forEach((item) -> assertThat(item.get("strategy").asString()).isNotEqualTo("join_squad"));
	}

}
