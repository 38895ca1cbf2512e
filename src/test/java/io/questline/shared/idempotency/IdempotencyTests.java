package io.questline.shared.idempotency;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.questline.shared.web.ProbeAccess;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IdempotencyTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
		ProbeAccess.openGate();
	}

	@Test
	void aRepeatWithTheSameKeyAndBodyReplaysTheFirstResponseWithoutDoingTheWorkAgain() {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		Response first = this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send();
		int callsAfterFirst = ProbeAccess.calls();
		Response second = this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send();
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.text()).isEqualTo(first.text());
		assertThat(second.header("Idempotent-Replayed")).contains("true");
		assertThat(first.header("Idempotent-Replayed")).isEmpty();
		assertThat(ProbeAccess.calls()).isEqualTo(callsAfterFirst);
	}

	@Test
	void theSameKeyWithAnotherBodyIs422() {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send();
		Response other = this.api.post("/api/test/probe", Map.of("name", "b")).as(user).idempotencyKey(key).send();
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void aRepeatWhileTheFirstIsRunningIs409() throws Exception {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		CountDownLatch gate = ProbeAccess.closeGate();
		CompletableFuture<Response> first = CompletableFuture.supplyAsync(
				() -> this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send());
		int before = ProbeAccess.calls();
		// Wait until the first request is inside the handler, so it holds the key.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (ProbeAccess.calls() == before && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Response second = this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send();
		gate.countDown();
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.code()).isEqualTo("IDEMPOTENCY_KEY_IN_USE");
		assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(201);
		assertThat(ProbeAccess.calls() - before).isEqualTo(1);
	}

	@Test
	void keysAreScopedToTheCaller() {
		String key = UUID.randomUUID().toString();
		Response mine = this.api.post("/api/test/probe", Map.of("name", "a"))
			.as(this.users.create())
			.idempotencyKey(key)
			.send();
		Response theirs = this.api.post("/api/test/probe", Map.of("name", "a"))
			.as(this.users.create())
			.idempotencyKey(key)
			.send();
		assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
		assertThat(theirs.json().get("userId").asString()).isNotEqualTo(mine.json().get("userId").asString());
	}

	@Test
	void keysExpireAfter24Hours() {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		this.api.post("/api/test/probe", Map.of("name", "a")).as(user).idempotencyKey(key).send();
		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		String token = this.users.tokenFor(user.id());
		Response later = this.api.post("/api/test/probe", Map.of("name", "a")).bearer(token).idempotencyKey(key).send();
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.header("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void serverErrorsAreNotStoredSoARetryRunsAgain() {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		int before = ProbeAccess.calls();
		Response first = this.api.post("/api/test/probe/fail", "{}").as(user).idempotencyKey(key).send();
		Response retry = this.api.post("/api/test/probe/fail", "{}").as(user).idempotencyKey(key).send();
		assertThat(first.status()).isEqualTo(500);
		assertThat(retry.status()).isEqualTo(500);
		assertThat(retry.header("Idempotent-Replayed")).isEmpty();
		assertThat(ProbeAccess.calls() - before).isEqualTo(2);
	}

	@Test
	void clientErrorsAreStoredAndReplayed() {
		TestUser user = this.users.create();
		String key = UUID.randomUUID().toString();
		Response first = this.api.post("/api/test/probe", Map.of("name", "")).as(user).idempotencyKey(key).send();
		Response second = this.api.post("/api/test/probe", Map.of("name", "")).as(user).idempotencyKey(key).send();
		assertThat(first.status()).isEqualTo(400);
		assertThat(second.status()).isEqualTo(400);
		assertThat(second.header("Idempotent-Replayed")).contains("true");
		assertThat(second.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("problem+json"));
	}

	@Test
	void aKeyLongerThan255CharactersIs400() {
		Response response = this.api.post("/api/test/probe", Map.of("name", "a"))
			.as(this.users.create())
			.idempotencyKey("k".repeat(256))
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
	}

}
