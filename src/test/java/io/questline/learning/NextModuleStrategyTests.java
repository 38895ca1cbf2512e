package io.questline.learning;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next_module recommendation follows the user's progress: the first module of the
 * first path for a newcomer, the next module of a started path after that, the path bonus
 * on its last module, and nothing once every path is done.
 */
@IntegrationTest
class NextModuleStrategyTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	NextModuleStrategy strategy;

	@Test
	void aNewcomerIsOfferedTheFirstModuleOfTheFirstPath() {
		TestUser user = this.users.create();
		Candidate candidate = only(user.id());
		assertThat(candidate.strategy()).isEqualTo("next_module");
		assertThat(candidate.reason()).contains("Getting started").contains("Welcome to Questline");
		assertThat(candidate.expectedGain()).isEqualTo(reward("gs-welcome"));
	}

	@Test
	void theRecommendationsEndpointAsksTheLearningSource() {
		// A newcomer has at most five candidates (session, invite, squad, module, event):
		// all of them are shown.
		TestUser user = this.users.create();
		Api.Response response = this.api.get("/api/ai/recommendations").as(user).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode module = null;
		for (JsonNode item : response.json().get("items")) {
			if (item.get("strategy").asString().equals("next_module")) {
				module = item;
			}
		}
		assertThat(module).as(response.toString()).isNotNull();
		assertThat(module.get("expectedGain").asLong()).isEqualTo(reward("gs-welcome"));
		assertThat(module.get("reason").asString()).contains("Welcome to Questline");
	}

	@Test
	void aStartedPathComesFirstAndItsLastModuleAddsThePathBonus() {
		TestUser user = this.users.create();
		complete(user.id(), "earning-more", "em-bonuses");
		Candidate next = only(user.id());
		assertThat(next.reason()).contains("Earning more").contains("Squads");
		assertThat(next.expectedGain()).isEqualTo(reward("em-squads"));

		complete(user.id(), "earning-more", "em-squads");
		complete(user.id(), "earning-more", "em-referrals");
		complete(user.id(), "earning-more", "em-events");
		Candidate last = only(user.id());
		assertThat(last.reason()).contains("Boosts and freezes in the shop").contains("finishing the path");
		assertThat(last.expectedGain()).isEqualTo(reward("em-boosts") + bonus("earning-more"));

		complete(user.id(), "earning-more", "em-boosts");
		// That path is done: back to the first path not started.
		assertThat(only(user.id()).reason()).contains("Getting started").contains("Welcome to Questline");
	}

	@Test
	void nothingIsOfferedOnceEveryModuleIsDone() {
		TestUser user = this.users.create();
		this.jdbc.sql("SELECT id, path_id FROM learning_modules")
			.query((rs, row) -> new String[] { rs.getString("path_id"), rs.getString("id") })
			.list()
			.forEach((module) -> complete(user.id(), module[0], module[1]));
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isEmpty();
	}

	private Candidate only(UUID userId) {
		List<Candidate> candidates = this.strategy.candidatesFor(userId, this.clock.instant());
		assertThat(candidates).hasSize(1);
		return candidates.get(0);
	}

	private void complete(UUID userId, String pathId, String moduleId) {
		this.jdbc.sql("""
				INSERT INTO learning_module_completions (user_id, module_id, path_id, reward, completed_at)
				VALUES (:userId, :moduleId, :pathId, 0, :at)
				""")
			.param("userId", userId)
			.param("moduleId", moduleId)
			.param("pathId", pathId)
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

	private long reward(String moduleId) {
		return this.jdbc.sql("SELECT reward FROM learning_modules WHERE id = :id")
			.param("id", moduleId)
			.query(Long.class)
			.single();
	}

	private long bonus(String pathId) {
		return this.jdbc.sql("SELECT bonus FROM learning_paths WHERE id = :id")
			.param("id", pathId)
			.query(Long.class)
			.single();
	}

}
