package io.questline.shared.web;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Test
	void healthAndProbesAreOpen() {
		assertThat(this.api.get("/actuator/health").send().json().get("status").asString()).isEqualTo("UP");
		assertThat(this.api.get("/actuator/health/liveness").send().status()).isEqualTo(200);
		assertThat(this.api.get("/actuator/health/readiness").send().status()).isEqualTo(200);
	}

	@Test
	void metricsAreForAdminsOnly() {
		assertThat(this.api.get("/actuator/prometheus").send().status()).isEqualTo(401);
		assertThat(this.api.get("/actuator/prometheus").as(this.users.create()).send().status()).isEqualTo(403);
		Response admin = this.api.get("/actuator/prometheus").as(this.users.admin()).send();
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.text()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theLedgerCheckIsForAdminsOnly() {
		assertThat(this.api.get("/actuator/ledger").as(this.users.create()).send().status()).isEqualTo(403);
		Response admin = this.api.get("/actuator/ledger").as(this.users.admin()).send();
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.json().get("holds").asBoolean()).isTrue();
	}

	@Test
	void theOpenApiDocumentAndTheApiPageAreServed() {
		Response docs = this.api.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("openapi").asString()).startsWith("3.");
		assertThat(this.api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
	}

	@Test
	void logLinesCarryTheRequestId(CapturedOutput output) {
		this.api.post("/api/test/probe/fail", "{}")
			.as(this.users.create())
			.header("X-Request-Id", "probe-request-0001")
			.send();
		assertThat(output.getOut().lines().filter((line) -> line.contains("Unexpected error")))
			.anySatisfy((line) -> assertThat(line).contains("[probe-request-0001]"));
	}

}
