package io.questline.shared.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.shared.security.AccessTokens;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every {@code /api/**} mapping the application registers, so an endpoint is
 * covered the moment it exists: each answers 401 without a token (except the four public
 * ones) and each carries rate-limit headers.
 */
@IntegrationTest
class ApiGuardTests {

	static final Set<String> PUBLIC = Set.of("POST /api/auth/register", "POST /api/auth/login",
			"POST /api/auth/refresh", "POST /api/webhooks/stripe");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	AccessTokens tokens;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointNeedsATokenExceptThePublicOnesAndIsRateLimited() {
		List<String> endpoints = endpoints();
		assertThat(endpoints).isNotEmpty();
		List<String> failures = new ArrayList<>();
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1);
			Response response = this.api.method(method, path, "POST".equals(method) ? "{}" : null).send();
			if (!response.header("RateLimit-Policy").isPresent() || !response.header("RateLimit").isPresent()) {
				failures.add(endpoint + " has no rate-limit headers");
			}
			if (PUBLIC.contains(endpoint)) {
				if (response.status() == 401 && !endpoint.contains("refresh")) {
					failures.add(endpoint + " is public but answered 401");
				}
			}
			else if (response.status() != 401) {
				failures.add(endpoint + " answered " + response.status() + " without a token");
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void everyApiEndpointRefusesAnExpiredToken() {
		String expired = this.tokens.mint(this.users.create().id()).value();
		this.clock.advance(java.time.Duration.ofMinutes(16));
		try {
			List<String> failures = new ArrayList<>();
			for (String endpoint : endpoints()) {
				if (PUBLIC.contains(endpoint)) {
					continue;
				}
				String method = endpoint.substring(0, endpoint.indexOf(' '));
				String path = endpoint.substring(endpoint.indexOf(' ') + 1);
				Response response = this.api.method(method, path, "POST".equals(method) ? "{}" : null)
					.bearer(expired)
					.send();
				if (response.status() != 401) {
					failures.add(endpoint + " answered " + response.status() + " to an expired token");
				}
			}
			assertThat(failures).isEmpty();
		}
		finally {
			this.clock.reset();
		}
	}

	@Test
	void everyApiEndpointRefusesATokenSignedByAnotherKey() {
		String foreign = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
				+ "eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiLCJpc3MiOiJxdWVzdGxpbmUiLCJhdWQiOlsicXVlc3RsaW5lLWFwcCJdLCJleHAiOjQxMDI0NDQ4MDAsInRva2VuX3VzZSI6ImFjY2VzcyJ9."
				+ "c2lnbmVkLWJ5LWFub3RoZXIta2V5LW5vdC1vdXJzLTAwMDAwMDAwMDA";
		List<String> failures = new ArrayList<>();
		for (String endpoint : endpoints()) {
			if (PUBLIC.contains(endpoint)) {
				continue;
			}
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1);
			Response response = this.api.method(method, path, "POST".equals(method) ? "{}" : null)
				.bearer(foreign)
				.send();
			if (response.status() != 401) {
				failures.add(endpoint + " answered " + response.status() + " to a token signed by another key");
			}
		}
		assertThat(failures).isEmpty();
	}

	private List<String> endpoints() {
		List<String> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					endpoints.add(method.name() + " " + pattern);
				}
			}
		});
		endpoints.sort(null);
		return endpoints;
	}

}
