package io.questline.shared.ratelimit;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RateLimitTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	RateLimitProperties properties;

	@Test
	void everyResponseCarriesThePolicyHeaders() {
		Response response = this.api.get("/api/test/probe").as(this.users.create()).send();
		assertThat(response.header("RateLimit-Policy")).contains("\"read\";q=300;w=60");
		assertThat(response.header("RateLimit"))
			.hasValueSatisfying((value) -> assertThat(value).matches("\"read\";r=299;t=\\d+"));
	}

	@Test
	void readsOverTheLimitAre429WithRetryAfter() {
		TestUser user = this.users.create();
		long capacity = this.properties.policy("read").capacity();
		Response last = untilLimited(capacity, () -> this.api.get("/api/test/probe").as(user).send());
		assertThat(last.code()).isEqualTo("RATE_LIMITED");
		assertThat(last.header("Retry-After"))
			.hasValueSatisfying((value) -> assertThat(Long.parseLong(value)).isPositive());
		assertThat(last.header("RateLimit"))
			.hasValueSatisfying((value) -> assertThat(value).matches("\"read\";r=0;t=\\d+"));
		Response other = this.api.get("/api/test/probe").as(this.users.create()).send();
		assertThat(other.status()).as("another user has a bucket of their own").isEqualTo(200);
	}

	@Test
	void writesHaveAStricterPolicy() {
		TestUser user = this.users.create();
		long capacity = this.properties.policy("write").capacity();
		assertThat(capacity).isLessThan(this.properties.policy("read").capacity());
		Response last = untilLimited(capacity,
				() -> this.api.post("/api/test/probe", "{\"name\":\"a\"}").as(user).send());
		assertThat(last.header("RateLimit-Policy")).contains("\"write\";q=" + capacity + ";w=60");
	}

	@Test
	void unauthenticatedCallersAreLimitedPerAddress() {
		long capacity = this.properties.policy("read").capacity();
		untilLimited(capacity, () -> this.api.get("/api/test/probe").from("198.51.100.23").send());
		assertThat(this.api.get("/api/test/probe").from("198.51.100.24").send().status()).isEqualTo(401);
	}

	@Test
	void adminEndpointsHaveTheirOwnPolicy() {
		TestUser admin = this.users.admin();
		long capacity = this.properties.policy("admin").capacity();
		Response last = untilLimited(capacity, () -> this.api.get("/api/admin/test/probe").as(admin).send());
		assertThat(last.header("RateLimit-Policy")).contains("\"admin\";q=" + capacity + ";w=60");
	}

	/**
	 * Sends requests until one is refused; at least a full bucket must have been allowed
	 * first (the bucket refills while the loop runs, so a few more may pass).
	 */
	private static Response untilLimited(long capacity, java.util.function.Supplier<Response> request) {
		int allowed = 0;
		for (int i = 0; i < capacity * 2; i++) {
			Response response = request.get();
			if (response.status() == 429) {
				assertThat(allowed).isGreaterThanOrEqualTo((int) capacity);
				return response;
			}
			allowed++;
		}
		throw new AssertionError("no 429 after " + allowed + " requests");
	}

}
