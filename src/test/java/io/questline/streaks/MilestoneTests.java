package io.questline.streaks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.questline.ledger.Ledger;
import io.questline.support.Api;
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

@IntegrationTest
class MilestoneTests {

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

	@AfterEach
	void resetClockAndCheckTheLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void aFreshServerShowsTheDemoMilestonesWithNoProgress() {
		JsonNode items = milestones(this.users.create());
		List<String> codes = new ArrayList<>();
		items.forEach((item) -> codes.add(item.get("code").asString()));
		assertThat(codes).containsSubsequence("streak_3", "streak_7", "streak_30", "streak_100", "streak_365",
				"mined_10", "mined_100", "mined_1000", "mined_10000", "sessions_1", "sessions_10", "sessions_100");
		JsonNode first = items.get(0);
		assertThat(first.get("metric").asString()).isEqualTo("streak_days");
		assertThat(first.get("threshold").asLong()).isEqualTo(3);
		assertThat(first.get("progress").asLong()).isZero();
		assertThat(first.get("reachedAt").isNull()).isTrue();
		assertThat(first.get("name").asString()).isNotBlank();
	}

	@Test
	void aFullSessionPaysTheFirstSessionAndTenCoinsMilestonesOnce() {
		this.clock.setInstant(Instant.parse("2031-06-01T08:00:00Z"));
		TestUser user = this.users.create();
		this.api.post("/api/earnings/session/start", "").as(user).send();
		this.clock.advance(Duration.ofHours(24));
		Api.Response ended = this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
		long mined = 24 * 1010L;
		if (ended.status() == 200) {
			assertThat(ended.json().get("credited").asLong()).isEqualTo(mined);
		}
		// sessions_1 pays 1 coin, mined_10 pays 1 coin.
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(mined + 1000 + 1000);
		assertThat(this.ledger.isPosted("milestone:" + user.id() + ":sessions_1")).isTrue();
		assertThat(this.ledger.isPosted("milestone:" + user.id() + ":mined_10")).isTrue();
		JsonNode reached = find(milestones(user), "sessions_1");
		assertThat(reached.get("progress").asLong()).isEqualTo(1);
		assertThat(reached.get("reachedAt").isNull()).isFalse();
		assertThat(find(milestones(user), "mined_10").get("progress").asLong()).isEqualTo(mined);
		// A second session reaches nothing new and pays no milestone again.
		this.api.post("/api/earnings/session/start", "").bearer(token(user)).send();
		this.clock.advance(Duration.ofMinutes(60));
		Api.Response second = this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
		assertThat(second.status()).isEqualTo(200);
		long secondCredit = second.json().get("credited").asLong();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(mined + 2000 + secondCredit);
		assertThat(this.jdbc.sql("SELECT count(*) FROM milestones_reached WHERE user_id = :id")
			.param("id", user.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void threeDaysInARowPayTheThreeDayStreakMilestone() {
		this.clock.setInstant(Instant.parse("2031-07-01T08:00:00Z"));
		TestUser user = this.users.create();
		for (int day = 0; day < 3; day++) {
			assertThat(this.api.post("/api/earnings/session/start", "").bearer(token(user)).send().status())
				.isEqualTo(201);
			this.clock.advance(Duration.ofMinutes(1));
			this.api.post("/api/earnings/session/end", "").bearer(token(user)).send();
			assertThat(this.ledger.isPosted("milestone:" + user.id() + ":streak_3")).isEqualTo(day == 2);
			this.clock.advance(Duration.ofDays(1));
		}
		JsonNode streak3 = find(milestones(user), "streak_3");
		assertThat(streak3.get("progress").asLong()).isEqualTo(3);
		assertThat(streak3.get("reachedAt").isNull()).isFalse();
	}

	private JsonNode milestones(TestUser user) {
		Api.Response response = this.api.get("/api/earnings/milestones").bearer(token(user)).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("items");
	}

	private static JsonNode find(JsonNode items, String code) {
		for (JsonNode item : items) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError("No milestone " + code);
	}

	private String token(TestUser user) {
		return this.users.tokenFor(user.id());
	}

}
