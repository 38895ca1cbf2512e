package io.questline.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.ledger.Ledger;
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

@IntegrationTest
class TaskTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Ledger ledger;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClockAndCheckLedger() {
		this.clock.reset();
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void anAdminCreatesATaskAndTheCreationIsAudited() {
		TestUser admin = this.users.admin();
		Instant endsAt = this.clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
		Response response = this.api
			.post("/api/admin/tasks/create", Map.of("title", "Share a screenshot", "description", "Post your streak.",
					"reward", 2_500, "recurrence", "daily", "endsAt", endsAt.toString()))
			.as(admin)
			.send();
		assertThat(response.status()).isEqualTo(201);
		JsonNode task = response.json();
		long id = task.get("id").asLong();
		assertThat(task.get("title").asString()).isEqualTo("Share a screenshot");
		assertThat(task.get("reward").asLong()).isEqualTo(2_500);
		assertThat(task.get("recurrence").asString()).isEqualTo("daily");
		assertThat(Instant.parse(task.get("endsAt").asString())).isEqualTo(endsAt);
		assertThat(task.get("startsAt").isNull()).isTrue();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_log WHERE actor_id = :actor AND action = 'tasks.create' AND target = :target
				   AND outcome = 'success'
				""").param("actor", admin.id()).param("target", "task:" + id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aUserCannotCreateTasks() {
		Response response = this.api.post("/api/admin/tasks/create", task("Nope", 1_000, "once"))
			.as(this.users.create())
			.send();
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void anInvalidTaskIsRefusedAndNotStored() {
		TestUser admin = this.users.admin();
		Instant now = this.clock.instant();
		List<Map<String, Object>> invalid = List.of(task("", 1_000, "once"), task("x".repeat(101), 1_000, "once"),
				task("Too rich", 100_001, "once"), task("Free", 0, "once"), task("Negative", -5, "once"),
				task("Weekly", 1_000, "weekly"), with(task("Long", 1_000, "once"), "description", "d".repeat(1001)),
				with(with(task("Backwards", 1_000, "once"), "startsAt", now.plusSeconds(7200).toString()), "endsAt",
						now.plusSeconds(3600).toString()),
				with(task("Over", 1_000, "once"), "endsAt", now.minusSeconds(60).toString()),
				with(task("Epoch seconds", 1_000, "once"), "startsAt", 12345),
				with(task("Not a date", 1_000, "once"), "endsAt", "tomorrow"),
				with(task("Unknown field", 1_000, "once"), "bonus", 5));
		for (Map<String, Object> body : invalid) {
			Response response = this.api.post("/api/admin/tasks/create", body).as(admin).send();
			assertThat(response.status()).as("%s -> %s", body, response).isEqualTo(400);
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM tasks WHERE created_by = :id")
			.param("id", admin.id())
			.query(Long.class)
			.single()).isZero();
		Response most = this.api.post("/api/admin/tasks/create", task("Exactly 100 coins", 100_000, "once"))
			.as(admin)
			.send();
		assertThat(most.status()).isEqualTo(201);
	}

	@Test
	void aOneOffTaskPaysOnceAndShowsAsCompleted() {
		long taskId = createTask(task("One-off", 3_000, "once"));
		TestUser user = this.users.create();
		JsonNode before = listed(user, taskId);
		assertThat(before.get("completedToday").asBoolean()).isFalse();
		assertThat(before.get("completedAt").isNull()).isTrue();

		Response first = complete(user, taskId);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("taskId").asLong()).isEqualTo(taskId);
		assertThat(first.json().get("reward").asLong()).isEqualTo(3_000);
		assertThat(first.json().get("balance").asLong()).isEqualTo(3_000);
		assertThat(this.ledger.isPosted("task:" + taskId + ":" + user.id() + ":once")).isTrue();

		Response second = complete(user, taskId);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("ALREADY_COMPLETED");
		JsonNode after = listed(user, taskId);
		assertThat(after.get("completedToday").asBoolean()).isTrue();
		assertThat(after.get("completed").asBoolean()).isTrue();
		assertThat(after.get("completedAt").isNull()).isFalse();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(3_000);
		// TaskCompleted was published in the same transaction: achievements counted it.
		assertThat(this.jdbc.sql("""
				SELECT value FROM achievement_counters WHERE user_id = :id AND metric = 'tasks_completed'
				""").param("id", user.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDailyTaskPaysOncePerDayInTheUsersTimezone() {
		long taskId = createTask(task("Daily check-in", 700, "daily"));
		TestUser user = this.users.inZone("Asia/Tokyo");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		// 23:30 in Tokyo (14:30 UTC), then 01:00 in Tokyo the next day (still the same
		// UTC day).
		Instant lateEvening = LocalDate.now(tokyo).plusDays(1).atTime(23, 30).atZone(tokyo).toInstant();
		this.clock.setInstant(lateEvening);
		String token = this.users.tokenFor(user.id());
		assertThat(complete(token, taskId).status()).isEqualTo(200);
		assertThat(complete(token, taskId).code()).isEqualTo("ALREADY_COMPLETED");
		JsonNode sameDay = listed(token, taskId);
		assertThat(sameDay.get("completedToday").asBoolean()).isTrue();

		this.clock.advance(Duration.ofMinutes(90));
		token = this.users.tokenFor(user.id());
		JsonNode nextDay = listed(token, taskId);
		assertThat(nextDay.get("completedToday").asBoolean()).isFalse();
		assertThat(nextDay.get("completed").asBoolean()).isFalse();
		Response again = complete(token, taskId);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("balance").asLong()).isEqualTo(1_400);
		assertThat(complete(token, taskId).status()).isEqualTo(409);
		String period = lateEvening.plus(Duration.ofMinutes(90)).atZone(tokyo).toLocalDate().toString();
		assertThat(this.ledger.isPosted("task:" + taskId + ":" + user.id() + ":" + period)).isTrue();
	}

	@Test
	void aTaskOutsideItsWindowIsNotAvailable() {
		Instant now = this.clock.instant();
		long future = createTask(with(task("Tomorrow", 1_000, "once"), "startsAt", now.plusSeconds(86_400).toString()));
		long ending = createTask(with(task("Ending soon", 1_000, "once"), "endsAt", now.plusSeconds(600).toString()));
		TestUser user = this.users.create();
		Response early = complete(user, future);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.code()).isEqualTo("TASK_NOT_AVAILABLE");
		assertThat(listed(user, future).get("available").asBoolean()).isFalse();

		this.clock.advance(Duration.ofMinutes(11));
		String token = this.users.tokenFor(user.id());
		Response late = complete(token, ending);
		assertThat(late.status()).isEqualTo(422);
		assertThat(late.code()).isEqualTo("TASK_NOT_AVAILABLE");
		assertThat(this.ledger.balanceOf(user.id())).isZero();
	}

	@Test
	void anUnknownTaskIsNotFoundAndABadIdInvalid() {
		TestUser user = this.users.create();
		assertThat(complete(user, 999_999_999L).status()).isEqualTo(404);
		assertThat(this.api.post("/api/tasks/complete", Map.of("taskId", "abc")).as(user).send().status())
			.isEqualTo(400);
		assertThat(this.api.post("/api/tasks/complete", Map.of("taskId", 0)).as(user).send().status()).isEqualTo(400);
	}

	@Test
	void aFreshServerHasDemoTasks() {
		Response response = this.api.get("/api/tasks/list").as(this.users.create()).send();
		assertThat(response.status()).isEqualTo(200);
		List<String> titles = new ArrayList<>();
		response.json().get("items").forEach((item) -> titles.add(item.get("title").asString()));
		assertThat(titles).contains("Check in today", "Invite a friend");
	}

	@Test
	void fiftyConcurrentCompletionsPayOnce() throws Exception {
		long taskId = createTask(task("Race", 4_000, "once"));
		TestUser user = this.users.create();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(() -> complete(user, taskId).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 409).hasSize(49);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(4_000);
		assertThat(this.jdbc.sql("SELECT count(*) FROM task_completions WHERE task_id = :id")
			.param("id", taskId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long createTask(Map<String, Object> body) {
		Response response = this.api.post("/api/admin/tasks/create", body).as(this.users.admin()).send();
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private Response complete(TestUser user, long taskId) {
		return complete(user.token(), taskId);
	}

	private Response complete(String token, long taskId) {
		return this.api.post("/api/tasks/complete", Map.of("taskId", taskId)).bearer(token).send();
	}

	private JsonNode listed(TestUser user, long taskId) {
		return listed(user.token(), taskId);
	}

	private JsonNode listed(String token, long taskId) {
		Response response = this.api.get("/api/tasks/list").bearer(token).send();
		assertThat(response.status()).isEqualTo(200);
		for (JsonNode item : response.json().get("items")) {
			if (item.get("id").asLong() == taskId) {
				return item;
			}
		}
		throw new AssertionError("Task " + taskId + " not listed: " + response);
	}

	private static Map<String, Object> task(String title, long reward, String recurrence) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", title);
		body.put("reward", reward);
		body.put("recurrence", recurrence);
		return body;
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

}
