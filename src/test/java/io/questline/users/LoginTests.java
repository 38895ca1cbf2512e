package io.questline.users;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginTests {

	@Autowired
	Api api;

	@Test
	void loggingInWithTheRightPasswordGivesTokensWhateverTheEmailCase() {
		Registrations registrations = new Registrations(this.api);
		String email = Registrations.uniqueEmail();
		registrations.register(email);
		Api.Response response = registrations.login(" " + email.toUpperCase(), Registrations.PASSWORD);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("user").get("email").asString()).isEqualTo(email);
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(this.api.get("/api/user/profile").bearer(body.get("accessToken").asString()).send().status())
			.isEqualTo(200);
		assertThat(registrations.refresh(body.get("refreshToken").asString()).status()).isEqualTo(200);
	}

	@Test
	void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
		Registrations registrations = new Registrations(this.api);
		String email = Registrations.uniqueEmail();
		registrations.register(email);
		Api.Response wrongPassword = registrations.login(email, "not-the-password-at-all");
		Api.Response unknownEmail = registrations.login(Registrations.uniqueEmail(), "not-the-password-at-all");
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.code()).isEqualTo("INVALID_CREDENTIALS");
		assertThat(withoutRequestFields(unknownEmail.json())).isEqualTo(withoutRequestFields(wrongPassword.json()));
	}

	@Test
	void anUnknownEmailCostsAsMuchTimeAsAWrongPassword() {
		Registrations registrations = new Registrations(this.api);
		String email = Registrations.uniqueEmail();
		registrations.register(email);
		registrations.login(email, "warm-up-the-path-please");
		List<Long> wrong = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			wrong.add(timed(() -> registrations.login(email, "not-the-password-at-all")));
			unknown.add(timed(() -> registrations.login(Registrations.uniqueEmail(), "not-the-password-at-all")));
		}
		long wrongMedian = median(wrong);
		long unknownMedian = median(unknown);
		// Both check one Argon2id hash (tens of ms); without the dummy check an unknown
		// email
		// would answer in about a millisecond.
		assertThat(unknownMedian).as("unknown %s ms, wrong %s ms", unknown, wrong).isGreaterThan(wrongMedian / 3);
		assertThat(unknownMedian).isLessThan(wrongMedian * 3);
	}

	@Test
	void bruteForceFromOneAddressHitsTheRateLimit() {
		List<Integer> statuses = new ArrayList<>();
		Api.Response limited = null;
		// 10 a minute, refilled smoothly: on a slow machine one or two more may get
		// through
		// before the bucket is empty, never many.
		for (int i = 0; i < 16 && limited == null; i++) {
			Api.Response response = this.api
				.post("/api/auth/login", Map.of("email", "victim@example.test", "password", "guess-number-" + i))
				.from("203.0.113.7")
				.send();
			statuses.add(response.status());
			if (response.status() == 429) {
				limited = response;
			}
		}
		assertThat(limited).as("statuses %s", statuses).isNotNull();
		assertThat(statuses.subList(0, 10)).containsOnly(401);
		assertThat(statuses.size()).isBetween(11, 14);
		assertThat(limited.code()).isEqualTo("RATE_LIMITED");
		assertThat(limited.header("Retry-After")).isPresent();
		// Another address is not held back by it.
		assertThat(this.api.post("/api/auth/login", Map.of("email", "victim@example.test", "password", "x"))
			.from("203.0.113.8")
			.send()
			.status()).isEqualTo(401);
	}

	private static long timed(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static JsonNode withoutRequestFields(JsonNode problem) {
		tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) problem.deepCopy();
		copy.remove("instance");
		copy.remove("requestId");
		return copy;
	}

}
