package io.questline.users;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.questline.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers accounts through the API, for tests that need real passwords and refresh
 * tokens.
 */
final class Registrations {

	static final String PASSWORD = "violet-harbour-lantern-42";

	private final Api api;

	Registrations(Api api) {
		this.api = api;
	}

	static String uniqueEmail() {
		return "acc-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
	}

	/**
	 * Registers a new account and returns the 201 body.
	 */
	JsonNode register() {
		return register(uniqueEmail());
	}

	JsonNode register(String email) {
		Api.Response response = this.api.post("/api/auth/register", body(email, PASSWORD, "Tester", null)).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	Api.Response login(String email, String password) {
		return this.api.post("/api/auth/login", Map.of("email", email, "password", password)).send();
	}

	Api.Response refresh(String refreshToken) {
		return this.api.post("/api/auth/refresh", Map.of("refreshToken", refreshToken)).send();
	}

	static Map<String, Object> body(String email, String password, String displayName, String referralCode) {
		Map<String, Object> body = new HashMap<>();
		body.put("email", email);
		body.put("password", password);
		body.put("displayName", displayName);
		if (referralCode != null) {
			body.put("referralCode", referralCode);
		}
		return body;
	}

}
