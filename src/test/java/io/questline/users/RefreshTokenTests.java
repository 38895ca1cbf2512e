package io.questline.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RefreshTokenTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void refreshingRotatesTheToken() {
		Registrations registrations = new Registrations(this.api);
		JsonNode session = registrations.register();
		String first = session.get("refreshToken").asString();
		Api.Response response = registrations.refresh(first);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		String second = response.json().get("refreshToken").asString();
		assertThat(second).isNotEqualTo(first);
		assertThat(response.json().get("expiresIn").asLong()).isEqualTo(900);
		String access = response.json().get("accessToken").asString();
		assertThat(this.api.get("/api/user/profile").bearer(access).send().status()).isEqualTo(200);
		assertThat(registrations.refresh(second).status()).isEqualTo(200);
	}

	@Test
	void reusingARefreshTokenRevokesItsWholeFamily() {
		Registrations registrations = new Registrations(this.api);
		String email = Registrations.uniqueEmail();
		JsonNode session = registrations.register(email);
		String stolen = session.get("refreshToken").asString();
		String second = registrations.refresh(stolen).json().get("refreshToken").asString();
		String newest = registrations.refresh(second).json().get("refreshToken").asString();
		// Another login of the same user is another family: it must survive.
		String otherLogin = registrations.login(email, Registrations.PASSWORD).json().get("refreshToken").asString();

		Api.Response reuse = registrations.refresh(stolen);

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.code()).isEqualTo("INVALID_REFRESH_TOKEN");
		assertThat(registrations.refresh(newest).status()).isEqualTo(401);
		assertThat(registrations.refresh(second).status()).isEqualTo(401);
		assertThat(registrations.refresh(otherLogin).status()).isEqualTo(200);
	}

	@Test
	void concurrentRefreshesWithOneTokenNeverForkTheFamily() throws Exception {
		Registrations registrations = new Registrations(this.api);
		String token = registrations.register().get("refreshToken").asString();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Api.Response> responses = new ArrayList<>();
		try {
			List<Callable<Api.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(() -> registrations.refresh(token));
			}
			for (Future<Api.Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<Api.Response> granted = responses.stream().filter((response) -> response.status() == 200).toList();
		assertThat(responses).allMatch((response) -> response.status() == 200 || response.status() == 401);
		assertThat(granted).hasSize(1);
		// The losers presented a used token: the family is gone, the winner's token too.
		assertThat(registrations.refresh(granted.get(0).json().get("refreshToken").asString()).status()).isEqualTo(401);
	}

	@Test
	void anUnknownRefreshTokenIsRefused() {
		Api.Response response = new Registrations(this.api).refresh("this-token-was-never-issued-by-the-server");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.code()).isEqualTo("INVALID_REFRESH_TOKEN");
	}

	@Test
	void aRefreshTokenExpiresAfterThirtyDays() {
		Registrations registrations = new Registrations(this.api);
		String token = registrations.register().get("refreshToken").asString();
		this.clock.advance(Duration.ofDays(30).plusSeconds(1));
		assertThat(registrations.refresh(token).status()).isEqualTo(401);
	}

	@Test
	void aRefreshTokenIsStillGoodJustBeforeThirtyDays() {
		Registrations registrations = new Registrations(this.api);
		String token = registrations.register().get("refreshToken").asString();
		this.clock.advance(Duration.ofDays(30).minusMinutes(1));
		assertThat(registrations.refresh(token).status()).isEqualTo(200);
	}

	@Test
	void onlyTheHashOfARefreshTokenIsStored() {
		JsonNode session = new Registrations(this.api).register();
		String token = session.get("refreshToken").asString();
		UUID userId = UUID.fromString(session.get("user").get("id").asString());
		byte[] stored = this.jdbc.sql("SELECT token_hash FROM refresh_tokens WHERE user_id = :userId")
			.param("userId", userId)
			.query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(RefreshTokens.hash(token)).hasSize(32);
	}

	@Test
	void logoutRevokesTheCallersToken() {
		Registrations registrations = new Registrations(this.api);
		JsonNode session = registrations.register();
		String refresh = session.get("refreshToken").asString();
		Api.Response logout = this.api.post("/api/auth/logout", Map.of("refreshToken", refresh))
			.bearer(session.get("accessToken").asString())
			.send();
		assertThat(logout.status()).isEqualTo(204);
		assertThat(registrations.refresh(refresh).status()).isEqualTo(401);
	}

	@Test
	void logoutCannotRevokeSomeoneElsesToken() {
		Registrations registrations = new Registrations(this.api);
		JsonNode victim = registrations.register();
		JsonNode attacker = registrations.register();
		String victimRefresh = victim.get("refreshToken").asString();
		Api.Response logout = this.api.post("/api/auth/logout", Map.of("refreshToken", victimRefresh))
			.bearer(attacker.get("accessToken").asString())
			.send();
		assertThat(logout.status()).isEqualTo(204);
		assertThat(registrations.refresh(victimRefresh).status()).isEqualTo(200);
	}

	@Test
	void logoutNeedsAnAccessToken() {
		Api.Response logout = this.api.post("/api/auth/logout", Map.of("refreshToken", "whatever")).send();
		assertThat(logout.status()).isEqualTo(401);
	}

}
