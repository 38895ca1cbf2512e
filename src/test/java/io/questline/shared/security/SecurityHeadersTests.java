package io.questline.shared.security;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityHeadersTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	@Qualifier("springSecurityFilterChain")
	Filter securityFilterChain;

	@Test
	void apiResponsesForbidSniffingFramingAndCaching() {
		Response response = this.api.get("/api/test/probe").as(this.users.create()).send();
		assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.header("X-Frame-Options")).contains("DENY");
		assertThat(response.header("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("no-store"));
		assertThat(response.header("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
		assertThat(response.header("X-Request-Id")).isPresent();
	}

	@Test
	void hstsIsSentOverTls() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
		request.setSecure(true);
		request.setScheme("https");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.securityFilterChain.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader("Strict-Transport-Security")).contains("max-age=31536000");
	}

	@Test
	void aCallersRequestIdIsKeptWhenPlainAndReplacedOtherwise() {
		Response kept = this.api.get("/actuator/health").header("X-Request-Id", "trace-12345678").send();
		assertThat(kept.header("X-Request-Id")).contains("trace-12345678");
		Response replaced = this.api.get("/actuator/health").header("X-Request-Id", "bad id <script>").send();
		assertThat(replaced.header("X-Request-Id"))
			.hasValueSatisfying((value) -> assertThat(value).doesNotContain("<").hasSize(36));
	}

}
