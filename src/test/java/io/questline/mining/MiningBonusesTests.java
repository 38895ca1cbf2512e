package io.questline.mining;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bonuses other features provide reach mining through the one seam, end to end: a
 * squad of three and the streak day the start itself counts are fixed into the session's
 * rate.
 */
@IntegrationTest
class MiningBonusesTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSquadOfThreeAddsItsBonusToTheNextSessionAndTheStreakDayAddsOnePercent() {
		long squadId = this.jdbc.sql("""
				INSERT INTO squads (name, capacity, bonus_percent, created_at)
				VALUES (:name, 5, 10, :now) RETURNING id
				""")
			.param("name", "Seam " + UUID.randomUUID())
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.query(Long.class)
			.single();
		List<TestUser> members = List.of(this.users.create(), this.users.create(), this.users.create());
		for (TestUser member : members) {
			assertThat(this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(member).send().status())
				.isEqualTo(200);
		}
		Response started = this.api.post("/api/earnings/session/start", "{}").as(members.get(0)).send();
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		JsonNode session = started.json().get("session");
		assertThat(session.get("ratePerHour").asLong()).isEqualTo(1_000 * (100 + 10 + 1) / 100);
		assertThat(session.get("multipliers").toString()).contains("squad").contains("streak");
	}

}
