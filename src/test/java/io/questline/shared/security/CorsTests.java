package io.questline.shared.security;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS answers only the configured origins ({@code https://app.questline.test} in tests),
 * and never on admin endpoints.
 */
@IntegrationTest
class CorsTests {

	private static final String ALLOWED = "https://app.questline.test";

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void preflightFromAnAllowedOriginIsAnswered() {
		Response response = preflight("/api/test/probe", ALLOWED);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).contains(ALLOWED);
		assertThat(response.header("Access-Control-Allow-Methods"))
			.hasValueSatisfying((methods) -> assertThat(methods).contains("POST"));
		assertThat(response.header("Access-Control-Allow-Headers")).hasValueSatisfying(
				(headers) -> assertThat(headers.toLowerCase()).contains("authorization", "idempotency-key"));
		assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void actualRequestsFromAnAllowedOriginExposeTheRateLimitHeaders() {
		Response response = this.api.get("/api/test/probe").as(this.users.create()).header("Origin", ALLOWED).send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).contains(ALLOWED);
		assertThat(response.header("Access-Control-Expose-Headers")).hasValueSatisfying(
				(headers) -> assertThat(headers).contains("RateLimit", "Retry-After", "Idempotent-Replayed"));
	}

	@Test
	void anyOtherOriginGetsNoCorsHeaders() {
		Response preflight = preflight("/api/test/probe", "https://evil.example");
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
		Response actual = this.api.get("/api/test/probe")
			.as(this.users.create())
			.header("Origin", "https://evil.example")
			.send();
		assertThat(actual.header("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void adminEndpointsAreNeverOpenToBrowsers() {
		Response preflight = preflight("/api/admin/test/probe", ALLOWED);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
		Response actual = this.api.get("/api/admin/test/probe").as(this.users.admin()).header("Origin", ALLOWED).send();
		assertThat(actual.header("Access-Control-Allow-Origin")).isEmpty();
	}

	private Response preflight(String path, String origin) {
		return this.api.method("OPTIONS", path, null)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
			.send();
	}

}
