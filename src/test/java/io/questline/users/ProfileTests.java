package io.questline.users;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ProfileTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDirectory directory;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	@Test
	void theProfileShowsTheAccountItsLedgerBalanceAndSettings() {
		TestUser user = this.users.create();
		this.transactions.executeWithoutResult((status) -> this.ledger.credit(user.id(), SystemAccount.REWARDS, 7_500,
				"reward", "test:" + UUID.randomUUID()));
		JsonNode profile = this.api.get("/api/user/profile").as(user).send().json();
		assertThat(profile.get("id").asString()).isEqualTo(user.id().toString());
		assertThat(profile.get("email").asString()).isEqualTo(user.email());
		assertThat(profile.get("balance").asLong()).isEqualTo(7_500);
		assertThat(profile.get("role").asString()).isEqualTo("USER");
		assertThat(profile.get("bio").isNull()).isTrue();
		assertThat(profile.get("avatarUrl").isNull()).isTrue();
		assertThat(profile.get("settings").get("leaderboardVisible").asBoolean()).isTrue();
		assertThat(profile.has("referralCode")).isTrue();
		assertThat(profile.has("createdAt")).isTrue();
		assertThat(profile.has("passwordHash")).isFalse();
	}

	@Test
	void updatingTheProfileChangesOnlyWhatIsGiven() {
		TestUser user = this.users.create();
		JsonNode updated = update(user, Map.of("displayName", "Grace", "bio", "Compilers <b>&</b> ships", "avatarUrl",
				"https://cdn.example.test/a.png"))
			.json();
		assertThat(updated.get("displayName").asString()).isEqualTo("Grace");
		assertThat(updated.get("bio").asString()).isEqualTo("Compilers <b>&</b> ships");
		assertThat(updated.get("avatarUrl").asString()).isEqualTo("https://cdn.example.test/a.png");
		JsonNode renamed = update(user, Map.of("displayName", "Grace H.")).json();
		assertThat(renamed.get("bio").asString()).isEqualTo("Compilers <b>&</b> ships");
		JsonNode cleared = update(user, Map.of("bio", "", "avatarUrl", "")).json();
		assertThat(cleared.get("bio").isNull()).isTrue();
		assertThat(cleared.get("avatarUrl").isNull()).isTrue();
		assertThat(cleared.get("displayName").asString()).isEqualTo("Grace H.");
	}

	@Test
	void roleBalanceEmailAndUnknownFieldsCannotBeWritten() {
		TestUser user = this.users.create();
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("role", "ADMIN"),
				Map.of("balance", 1_000_000), Map.of("email", "other@example.test"),
				Map.of("displayName", "Ok", "isAdmin", true), Map.of("id", UUID.randomUUID().toString()))) {
			Api.Response response = update(user, body);
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
		}
		JsonNode profile = this.api.get("/api/user/profile").as(user).send().json();
		assertThat(profile.get("role").asString()).isEqualTo("USER");
		assertThat(profile.get("balance").asLong()).isZero();
		assertThat(profile.get("email").asString()).isEqualTo(user.email());
		assertThat(profile.get("displayName").asString()).isNotEqualTo("Ok");
	}

	@Test
	void avatarUrlsMustBeHttpsWithAHost() {
		TestUser user = this.users.create();
		for (String url : List.of("http://cdn.example.test/a.png", "javascript:alert(1)", "https:///no-host",
				"https://user:pass@cdn.example.test/a.png", "ftp://cdn.example.test/a.png", "//cdn.example.test/a",
				"https://cdn.example.test/" + "a".repeat(2048), "https://exa mple.test/a.png",
				"data:image/png;base64,AAAA", "HTTPS://169.254.169.254/")) {
			Api.Response response = update(user, Map.of("avatarUrl", url));
			assertThat(response.status()).as(url).isEqualTo(400);
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		}
	}

	@Test
	void profileFieldsHaveTheirLengths() {
		TestUser user = this.users.create();
		assertThat(update(user, Map.of("displayName", "")).status()).isEqualTo(400);
		assertThat(update(user, Map.of("displayName", "  ")).status()).isEqualTo(400);
		assertThat(update(user, Map.of("displayName", "n".repeat(51))).status()).isEqualTo(400);
		assertThat(update(user, Map.of("bio", "b".repeat(501))).status()).isEqualTo(400);
		assertThat(update(user, Map.of("bio", "line\u0000break")).status()).isEqualTo(400);
		assertThat(update(user, Map.of("bio", "b".repeat(500))).status()).isEqualTo(200);
	}

	@Test
	void settingsChangeWhatIsGivenAndTheTimezoneReachesOtherFeatures() {
		TestUser user = this.users.create();
		Api.Response response = settings(user,
				Map.of("timezone", "Asia/Tokyo", "locale", "pt-br", "leaderboardVisible", false));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode settings = response.json();
		assertThat(settings.get("timezone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(settings.get("locale").asString()).isEqualTo("pt-BR");
		assertThat(settings.get("leaderboardVisible").asBoolean()).isFalse();
		assertThat(settings.get("notifications").asBoolean()).isTrue();
		assertThat(this.directory.zoneOf(user.id())).isEqualTo(ZoneId.of("Asia/Tokyo"));
		assertThat(this.directory.find(user.id()).orElseThrow().leaderboardVisible()).isFalse();
		JsonNode unchanged = settings(user, Map.of()).json();
		assertThat(unchanged.get("timezone").asString()).isEqualTo("Asia/Tokyo");
		JsonNode profile = this.api.get("/api/user/profile").as(user).send().json();
		assertThat(profile.get("settings").get("locale").asString()).isEqualTo("pt-BR");
	}

	@Test
	void badSettingsAreRefused() {
		TestUser user = this.users.create();
		List<Map<String, Object>> bodies = List.of(Map.of("timezone", "+05:00"), Map.of("timezone", "Mars/Olympus"),
				Map.of("timezone", "GMT+5"), Map.of("timezone", ""), Map.of("locale", "not a locale!"),
				Map.of("locale", ""), Map.of("locale", "en-" + "x".repeat(40)), Map.of("notifications", "yes"),
				Map.of("leaderboardVisible", 1));
		for (Map<String, Object> body : bodies) {
			assertThat(settings(user, body).status()).as(body.toString()).isEqualTo(400);
		}
		assertThat(this.directory.zoneOf(user.id())).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void ownDataEndpointsTakeNoUserId() {
		// User A cannot read or change user B: the caller's own endpoints take the user
		// from the access token only, never from a path, a query or a body.
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			boolean own = info.getPatternValues()
				.stream()
				.anyMatch((path) -> path.startsWith("/api/user/") || path.startsWith("/api/auth/"));
			if (!own) {
				return;
			}
			assertThat(info.getPatternValues()).allMatch((path) -> !path.contains("{"));
			for (java.lang.reflect.Parameter parameter : handler.getMethod().getParameters()) {
				if (parameter
					.isAnnotationPresent(org.springframework.security.core.annotation.AuthenticationPrincipal.class)) {
					continue;
				}
				assertThat(parameter.getType()).isNotEqualTo(UUID.class);
				if (parameter.getType().isRecord()) {
					assertThat(parameter.getType().getRecordComponents())
						.noneMatch((component) -> component.getName().toLowerCase().contains("userid")
								|| component.getName().equals("id"));
				}
			}
		});
	}

	private Api.Response update(TestUser user, Map<String, Object> body) {
		return this.api.post("/api/user/profile/update", new HashMap<>(body)).as(user).send();
	}

	private Api.Response settings(TestUser user, Map<String, Object> body) {
		return this.api.post("/api/user/settings/update", new HashMap<>(body)).as(user).send();
	}

}
