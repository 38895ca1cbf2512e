package io.questline.squads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.mining.MiningMultiplier;
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

@IntegrationTest
class SquadTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SquadBonus bonus;

	private long squad(String name, int capacity) {
		return this.jdbc.sql("""
				INSERT INTO squads (name, description, capacity, bonus_percent, created_at)
				VALUES (:name, 'made by a test', :capacity, 10, now()) RETURNING id
				""").param("name", name).param("capacity", capacity).query(Long.class).single();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private Response join(TestUser user, long squadId) {
		return this.api.post("/api/squads/join", Map.of("squadId", squadId)).as(user).send();
	}

	private int memberCount(long squadId) {
		return this.jdbc.sql("SELECT member_count FROM squads WHERE id = :id")
			.param("id", squadId)
			.query(Integer.class)
			.single();
	}

	@Test
	void aFreshServerListsDemoSquadsInCursorPages() {
		TestUser user = this.users.create();
		Response first = this.api.get("/api/squads/list?limit=2").as(user).send();
		assertThat(first.status()).isEqualTo(200);
		JsonNode items = first.json().get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("name").asString()).isEqualTo("Early Birds");
		assertThat(items.get(1).get("name").asString()).isEqualTo("Night Owls");
		assertThat(items.get(0).get("capacity").asInt()).isEqualTo(30);
		assertThat(items.get(0).get("bonusPercent").asInt()).isEqualTo(10);
		assertThat(items.get(0).has("memberCount")).isTrue();
		String cursor = first.json().get("nextCursor").asString();
		Response second = this.api.get("/api/squads/list?limit=2&cursor=" + cursor).as(user).send();
		assertThat(second.json().get("items").get(0).get("name").asString()).isEqualTo("Streak Keepers");
		assertThat(this.api.get("/api/squads/list?cursor=nonsense").as(user).send().status()).isEqualTo(400);
		assertThat(this.api.get("/api/squads/list?limit=101").as(user).send().status()).isEqualTo(400);
	}

	@Test
	void searchIsCaseInsensitiveAndTakesWildcardsLiterally() {
		TestUser user = this.users.create();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long percent = squad("Hundred% Club " + tag, 30);
		long plain = squad("Hundred Club " + tag, 30);
		Response upper = this.api.get("/api/squads/list?q=HUNDRED%25%20CLUB%20" + tag).as(user).send();
		assertThat(ids(upper)).containsExactly(percent);
		Response all = this.api.get("/api/squads/list?q=club%20" + tag).as(user).send();
		assertThat(ids(all)).containsExactlyInAnyOrder(percent, plain);
		Response underscore = this.api.get("/api/squads/list?q=Hundred_Club").as(user).send();
		assertThat(ids(underscore)).isEmpty();
		Response tooLong = this.api.get("/api/squads/list?q=" + "a".repeat(101)).as(user).send();
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
	}

	private static List<Long> ids(Response response) {
		assertThat(response.status()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		response.json().get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	@Test
	void joiningAndLeavingMoveTheMemberCount() {
		long squadId = squad(unique("Join Leave"), 30);
		TestUser user = this.users.create();
		Response joined = join(user, squadId);
		assertThat(joined.status()).isEqualTo(200);
		assertThat(joined.json().get("squad").get("id").asLong()).isEqualTo(squadId);
		assertThat(joined.json().get("squad").get("memberCount").asInt()).isEqualTo(1);
		Response left = this.api.post("/api/squads/leave", Map.of()).as(user).send();
		assertThat(left.status()).isEqualTo(200);
		assertThat(left.json().get("left").asLong()).isEqualTo(squadId);
		assertThat(memberCount(squadId)).isZero();
		Response again = this.api.post("/api/squads/leave", Map.of()).as(user).send();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("NOT_IN_SQUAD");
	}

	@Test
	void aUserIsInOneSquadAtMost() {
		long first = squad(unique("First"), 30);
		long second = squad(unique("Second"), 30);
		TestUser user = this.users.create();
		assertThat(join(user, first).status()).isEqualTo(200);
		Response same = join(user, first);
		assertThat(same.status()).isEqualTo(409);
		assertThat(same.code()).isEqualTo("ALREADY_IN_SQUAD");
		Response other = join(user, second);
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.code()).isEqualTo("ALREADY_IN_SQUAD");
		assertThat(memberCount(first)).isEqualTo(1);
		assertThat(memberCount(second)).isZero();
	}

	@Test
	void joiningAFullOrUnknownSquadIsRefused() {
		long squadId = squad(unique("Tiny"), 1);
		assertThat(join(this.users.create(), squadId).status()).isEqualTo(200);
		TestUser late = this.users.create();
		Response full = join(late, squadId);
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.code()).isEqualTo("SQUAD_FULL");
		// The refused join left nothing behind: the user can join elsewhere.
		assertThat(join(late, squad(unique("Roomy"), 30)).status()).isEqualTo(200);
		Response unknown = join(this.users.create(), Long.MAX_VALUE);
		assertThat(unknown.status()).isEqualTo(404);
		Response invalid = this.api.post("/api/squads/join", "{\"squadId\":\"x\"}").as(this.users.create()).send();
		assertThat(invalid.status()).isEqualTo(400);
	}

	@Test
	void aHundredUsersJoiningTenFreePlacesAtOnceLeaveExactlyTenNewMembers() throws Exception {
		long squadId = squad(unique("Crowded"), 30);
		this.jdbc.sql("UPDATE squads SET member_count = 20 WHERE id = :id").param("id", squadId).update();
		List<TestUser> joiners = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			joiners.add(this.users.create());
		}
		ExecutorService pool = Executors.newFixedThreadPool(32);
		List<Callable<Response>> calls = new ArrayList<>();
		joiners.forEach((user) -> calls.add(() -> join(user, squadId)));
		int ok = 0;
		int full = 0;
		try {
			for (Future<Response> result : pool.invokeAll(calls)) {
				Response response = result.get();
				if (response.status() == 200) {
					ok++;
				}
				else if ("SQUAD_FULL".equals(response.code())) {
					full++;
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(ok).isEqualTo(10);
		assertThat(full).isEqualTo(90);
		assertThat(memberCount(squadId)).isEqualTo(30);
		assertThat(this.jdbc.sql("SELECT count(*) FROM squad_members WHERE squad_id = :id")
			.param("id", squadId)
			.query(Long.class)
			.single()).isEqualTo(10);
	}

	@Test
	void theSquadBonusCountsOnceTheSquadHasThreeMembers() {
		long squadId = squad(unique("Bonus"), 30);
		TestUser first = this.users.create();
		join(first, squadId);
		join(this.users.create(), squadId);
		assertThat(this.bonus.multiplierFor(first.id(), Instant.now())).isEmpty();
		TestUser third = this.users.create();
		join(third, squadId);
		assertThat(this.bonus.multiplierFor(first.id(), Instant.now())).contains(MiningMultiplier.bonus("squad", 10));
		this.api.post("/api/squads/leave", Map.of()).as(third).send();
		assertThat(this.bonus.multiplierFor(first.id(), Instant.now())).isEmpty();
		assertThat(this.bonus.multiplierFor(this.users.create().id(), Instant.now())).isEmpty();
	}

}
