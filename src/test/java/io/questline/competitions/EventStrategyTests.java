package io.questline.competitions;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join_event recommendation: a live event the user has not joined, with an even share
 * of its prizes as the gain; none once the user is in every live event.
 */
@IntegrationTest
class EventStrategyTests {

	/** The most a prize may be (questline.competitions.max-prize-reward). */
	private static final long TOP_PRIZE = 10_000_000;

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	EventStrategy strategy;

	@Test
	void aLiveEventNotJoinedIsOfferedWithAnEvenShareOfItsPrizes() {
		liveEvent(List.of(Map.of("rank", 1, "reward", TOP_PRIZE), Map.of("rank", 2, "reward", TOP_PRIZE)));
		TestUser user = this.users.create();
		List<Candidate> candidates = this.strategy.candidatesFor(user.id(), this.clock.instant());
		assertThat(candidates).hasSize(1);
		Candidate candidate = candidates.get(0);
		assertThat(candidate.strategy()).isEqualTo("join_event");
		// No event can have a larger smallest prize, so this one (or one as good) is
		// chosen.
		assertThat(candidate.expectedGain()).isEqualTo(TOP_PRIZE);
		assertThat(candidate.reason()).contains("you have not joined").contains("10000");
	}

	@Test
	void aUserInEveryLiveEventIsOfferedNone() {
		liveEvent(List.of(Map.of("rank", 1, "reward", 5_000)));
		TestUser user = this.users.create();
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isNotEmpty();
		JsonNode live = this.api.get("/api/events/live").as(user).send().json().get("items");
		assertThat(live.size()).isPositive();
		for (JsonNode event : live) {
			Response joined = this.api.post("/api/events/participate", Map.of("eventId", event.get("id").asLong()))
				.as(user)
				.send();
			assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
		}
		assertThat(this.strategy.candidatesFor(user.id(), this.clock.instant())).isEmpty();
	}

	private String liveEvent(List<Map<String, Object>> prizes) {
		Instant now = this.clock.instant();
		Map<String, Object> body = new LinkedHashMap<>();
		String name = "Strategy event " + UUID.randomUUID().toString().substring(0, 8);
		body.put("name", name);
		body.put("description", "made by a test");
		body.put("startsAt", now.minusSeconds(1).toString());
		body.put("endsAt", now.plus(Duration.ofHours(3)).toString());
		body.put("metric", "tasks_completed");
		body.put("prizes", prizes);
		Response created = this.api.post("/api/admin/events/create", body).as(this.users.admin()).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return name;
	}

	@Test
	void theShareShrinksAsParticipantsJoin() {
		Competition event = new Competition(1, "e", null, this.clock.instant(), this.clock.instant().plusSeconds(60),
				Metric.TASKS_COMPLETED, List.of(new Prize(1, 9_000), new Prize(2, 3_000)), "open");
		assertThat(EventStrategy.expectedPrize(new Competitions.LiveCompetition(event, 0, false))).isEqualTo(9_000);
		assertThat(EventStrategy.expectedPrize(new Competitions.LiveCompetition(event, 1, false))).isEqualTo(6_000);
		assertThat(EventStrategy.expectedPrize(new Competitions.LiveCompetition(event, 3, false))).isEqualTo(3_000);
		assertThat(EventStrategy.expectedPrize(new Competitions.LiveCompetition(event, 11, false))).isEqualTo(1_000);
	}

}
