package io.questline.shared.web;

import java.util.Map;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a client can meet is an RFC 9457 problem with a stable code, and none leaks
 * internals.
 */
@IntegrationTest
class ProblemResponsesTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void missingTokenIs401Problem() {
		Response response = this.api.get("/api/test/probe").send();
		assertProblem(response, 401, "UNAUTHORIZED");
		assertThat(response.header("WWW-Authenticate")).contains("Bearer");
	}

	@Test
	void forgedTokenIs401Problem() {
		TestUser user = this.users.create();
		String forged = user.token().substring(0, user.token().length() - 4) + "AAAA";
		assertProblem(this.api.get("/api/test/probe").bearer(forged).send(), 401, "UNAUTHORIZED");
	}

	@Test
	void userOnAdminPathIs403Problem() {
		assertProblem(this.api.get("/api/admin/test/probe").as(this.users.create()).send(), 403, "FORBIDDEN");
	}

	@Test
	void unknownPathIs404Problem() {
		assertProblem(this.api.get("/api/test/nowhere").as(this.users.create()).send(), 404, "NOT_FOUND");
		assertProblem(this.api.get("/nowhere").send(), 404, "NOT_FOUND");
	}

	@Test
	void otherMethodOnKnownPathIs405Problem() {
		assertProblem(this.api.method("DELETE", "/api/test/probe", null).as(this.users.create()).send(), 405,
				"METHOD_NOT_ALLOWED");
	}

	@Test
	void wrongContentTypeIs415Problem() {
		Response response = this.api.post("/api/test/probe", "name=x")
			.contentType("text/plain")
			.as(this.users.create())
			.send();
		assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void bodyOverTheLimitIs413Problem() {
		String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
		assertProblem(this.api.post("/api/test/probe", big).as(this.users.create()).send(), 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void malformedJsonIs400Problem() {
		assertProblem(this.api.post("/api/test/probe", "{\"name\":").as(this.users.create()).send(), 400,
				"MALFORMED_JSON");
		assertProblem(this.api.post("/api/test/probe", "{\"name\":\"a\"} trailing").as(this.users.create()).send(), 400,
				"MALFORMED_JSON");
	}

	@Test
	void unknownFieldIs400WithTheFieldNamed() {
		Response response = this.api.post("/api/test/probe", Map.of("name", "a", "role", "ADMIN"))
			.as(this.users.create())
			.send();
		assertProblem(response, 400, "UNKNOWN_FIELD");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("role");
	}

	@Test
	void controlCharactersInStringsAre400() {
		Response response = this.api.post("/api/test/probe", "{\"name\":\"a\\u0000b\"}").as(this.users.create()).send();
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void wrongTypesAre400NotCoerced() {
		assertProblem(this.api.post("/api/test/probe", "{\"name\":5}").as(this.users.create()).send(), 400,
				"VALIDATION_FAILED");
		assertProblem(
				this.api.post("/api/test/probe", "{\"name\":\"a\",\"count\":\"5\"}").as(this.users.create()).send(),
				400, "VALIDATION_FAILED");
		assertProblem(this.api.post("/api/test/probe", "{\"name\":\"a\",\"count\":99999999999999999999}")
			.as(this.users.create())
			.send(), 400, "VALIDATION_FAILED");
	}

	@Test
	void validationErrorsListEveryField() {
		Response response = this.api.post("/api/test/probe", Map.of("name", "", "count", 50))
			.as(this.users.create())
			.send();
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("count", "name");
	}

	@Test
	void internalErrorIs500ProblemWithoutInternals() {
		Response response = this.api.post("/api/test/probe/fail", "{}").as(this.users.create()).send();
		assertProblem(response, 500, "INTERNAL_ERROR");
		assertThat(response.text()).doesNotContain("SELECT", "password_hash", "hidden", "IllegalStateException",
				"io.questline", "at ", "Exception");
	}

	@Test
	void requestsTomcatRefusesByItselfAreProblemsToo() {
		assertProblem(this.api.get("/api/test/probe?x=" + "a".repeat(12_000)).send(), 400, "BAD_REQUEST");
	}

	@Test
	void queryBooleansAreStrict() {
		Response response = this.api.get("/api/test/probe/flag?on=yes").as(this.users.create()).send();
		assertProblem(response, 400, "VALIDATION_FAILED");
		assertThat(this.api.get("/api/test/probe/flag?on=TRUE").as(this.users.create()).send().json().asBoolean())
			.isTrue();
	}

	@Test
	void anErrorRaisedInAFilterIsAProblemToo() {
		Response response = this.api.get("/actuator/health").header("X-Test-Fail-In-Filter", "1").send();
		assertProblem(response, 500, "INTERNAL_ERROR");
		assertThat(response.text()).doesNotContain("jdbc", "secret", "IllegalStateException");
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("code").asString()).isEqualTo(code);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("type").asString()).isNotBlank();
		assertThat(body.has("detail")).isTrue();
		assertThat(body.has("trace")).isFalse();
		assertThat(body.has("exception")).isFalse();
	}

}
