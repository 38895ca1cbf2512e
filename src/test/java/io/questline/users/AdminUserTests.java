package io.questline.users;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdminUserTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aUserIsRefusedOnEveryAdminEndpoint() {
		TestUser user = this.users.create();
		Set<String> checked = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				if (!path.startsWith("/api/admin/")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
					Api.Response asUser = this.api
						.method(method.name(), concrete, (method == RequestMethod.GET) ? null : "{}")
						.as(user)
						.send();
					assertThat(asUser.status()).as(method + " " + path).isEqualTo(403);
					assertThat(asUser.code()).isEqualTo("FORBIDDEN");
					Api.Response anonymous = this.api
						.method(method.name(), concrete, (method == RequestMethod.GET) ? null : "{}")
						.send();
					assertThat(anonymous.status()).as(method + " " + path).isEqualTo(401);
					checked.add(method + " " + path);
				}
			}
		});
		assertThat(checked).contains("GET /api/admin/users/list", "POST /api/admin/users/ban");
	}

	@Test
	void theListSearchesEmailAndNameLiterally() {
		TestUser admin = this.users.admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		TestUser percent = named("50% off " + tag);
		TestUser plain = named("50x off " + tag);
		TestUser byEmail = this.users.create();
		JsonNode found = list(admin, "q=" + encode("50% OFF " + tag)).json();
		assertThat(ids(found)).containsExactly(percent.id().toString());
		assertThat(ids(list(admin, "q=" + encode("off " + tag)).json())).containsExactly(plain.id().toString(),
				percent.id().toString());
		assertThat(ids(list(admin, "q=" + encode(byEmail.email().toUpperCase())).json()))
			.containsExactly(byEmail.id().toString());
		assertThat(ids(list(admin, "q=" + encode("_" + tag)).json())).isEmpty();
		JsonNode item = found.get("items").get(0);
		assertThat(item.get("email").asString()).isEqualTo(percent.email());
		assertThat(item.get("role").asString()).isEqualTo("USER");
		assertThat(item.get("banned").asBoolean()).isFalse();
		assertThat(item.has("createdAt")).isTrue();
		assertThat(list(admin, "q=" + "q".repeat(101)).status()).isEqualTo(400);
	}

	@Test
	void theListPagesNewestFirstWithACursor() {
		TestUser admin = this.users.admin();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			made.add(0, named("pager " + tag + " " + i).id().toString());
			this.clock.advance(Duration.ofSeconds(1));
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String query = "limit=2&q=" + encode("pager " + tag) + ((cursor != null) ? "&cursor=" + cursor : "");
			JsonNode page = list(admin, query).json();
			seen.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null && pages < 10);
		assertThat(seen).containsExactlyElementsOf(made);
		assertThat(pages).isEqualTo(3);
		assertThat(list(admin, "cursor=not-a-cursor").status()).isEqualTo(400);
		assertThat(list(admin, "limit=101").status()).isEqualTo(400);
		assertThat(list(admin, "banned=maybe").status()).isEqualTo(400);
	}

	@Test
	void banningCutsTheUserOffAtOnceAndIsAudited() {
		TestUser admin = this.users.admin();
		Registrations registrations = new Registrations(this.api);
		String email = Registrations.uniqueEmail();
		JsonNode session = registrations.register(email);
		String access = session.get("accessToken").asString();
		String refresh = session.get("refreshToken").asString();
		UUID userId = UUID.fromString(session.get("user").get("id").asString());
		// Warm the authentication cache: the ban must evict it.
		assertThat(this.api.get("/api/user/profile").bearer(access).send().status()).isEqualTo(200);

		Api.Response ban = ban(admin, Map.of("userId", userId.toString(), "reason", "Botting the mines"));

		assertThat(ban.status()).as(ban.toString()).isEqualTo(200);
		assertThat(ban.json().get("banned").asBoolean()).isTrue();
		assertThat(ban.json().get("banReason").asString()).isEqualTo("Botting the mines");
		Api.Response blocked = this.api.get("/api/user/profile").bearer(access).send();
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.code()).isEqualTo("ACCOUNT_BANNED");
		Api.Response refreshed = registrations.refresh(refresh);
		assertThat(refreshed.status()).isEqualTo(403);
		assertThat(refreshed.code()).isEqualTo("ACCOUNT_BANNED");
		Api.Response login = registrations.login(email, Registrations.PASSWORD);
		assertThat(login.status()).isEqualTo(403);
		assertThat(login.code()).isEqualTo("ACCOUNT_BANNED");
		assertThat(registrations.login(email, "wrong-password-here").status()).isEqualTo(401);
		Map<String, Object> audit = this.jdbc.sql("""
				SELECT actor_id, action, reason, outcome FROM audit_log WHERE target = :target ORDER BY id
				""").param("target", "user:" + userId).query().singleRow();
		assertThat(audit).containsEntry("actor_id", admin.id())
			.containsEntry("action", "users.ban")
			.containsEntry("reason", "Botting the mines")
			.containsEntry("outcome", "success");
		assertThat(ids(list(admin, "banned=true&q=" + encode(email)).json())).containsExactly(userId.toString());
		assertThat(ids(list(admin, "banned=false&q=" + encode(email)).json())).isEmpty();

		Api.Response lift = ban(admin,
				Map.of("userId", userId.toString(), "reason", "Appeal accepted", "banned", false));

		assertThat(lift.status()).isEqualTo(200);
		assertThat(lift.json().get("banned").asBoolean()).isFalse();
		assertThat(this.api.get("/api/user/profile").bearer(access).send().status()).isEqualTo(200);
		// The ban revoked the refresh tokens for good.
		assertThat(registrations.refresh(refresh).status()).isEqualTo(401);
		assertThat(registrations.login(email, Registrations.PASSWORD).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT action FROM audit_log WHERE target = :target ORDER BY id")
			.param("target", "user:" + userId)
			.query(String.class)
			.list()).containsExactly("users.ban", "users.unban");
	}

	@Test
	void aBanWithAnEndLiftsItselfThen() {
		TestUser admin = this.users.admin();
		TestUser user = this.users.create();
		Instant until = this.clock.instant().plus(Duration.ofHours(2));
		Api.Response ban = ban(admin,
				Map.of("userId", user.id().toString(), "reason", "Cool down", "until", until.toString()));
		assertThat(ban.status()).isEqualTo(200);
		assertThat(Instant.parse(ban.json().get("bannedUntil").asString()))
			.isEqualTo(until.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(this.api.get("/api/user/profile").as(user).send().status()).isEqualTo(403);
		this.clock.advance(Duration.ofHours(2).plusSeconds(5));
		String fresh = this.users.tokenFor(user.id());
		// The authentication cache keeps an answer a few seconds at most.
		assertThat(eventually(() -> this.api.get("/api/user/profile").bearer(fresh).send().status(), 200))
			.isEqualTo(200);
	}

	@Test
	void aFailedBanChangesNothing() {
		TestUser admin = this.users.admin();
		TestUser user = this.users.create();
		Api.Response self = ban(admin, Map.of("userId", admin.id().toString(), "reason", "Oops"));
		assertThat(self.status()).isEqualTo(422);
		assertThat(self.code()).isEqualTo("CANNOT_BAN_SELF");
		Api.Response unknown = ban(admin, Map.of("userId", UUID.randomUUID().toString(), "reason", "Who?"));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(ban(admin, Map.of("userId", user.id().toString())).status()).isEqualTo(400);
		assertThat(ban(admin, Map.of("userId", user.id().toString(), "reason", "r".repeat(501))).status())
			.isEqualTo(400);
		assertThat(ban(admin, Map.of("userId", user.id().toString(), "reason", "Past", "until",
				this.clock.instant().minusSeconds(60).toString()))
			.status()).isEqualTo(400);
		assertThat(ban(admin, Map.of("userId", "not-a-uuid", "reason", "Bad id")).status()).isEqualTo(400);
		assertThat(this.api.get("/api/user/profile").as(user).send().status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE target = :target")
			.param("target", "user:" + user.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(
				this.jdbc.sql("SELECT outcome, details->>'problem' FROM audit_log WHERE actor_id = :admin ORDER BY id")
					.param("admin", admin.id())
					.query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
					.list())
			.containsExactly("refused CANNOT_BAN_SELF", "refused NOT_FOUND");
	}

	private TestUser named(String displayName) {
		TestUser user = this.users.create();
		this.jdbc.sql("UPDATE users SET display_name = :name WHERE id = :id")
			.param("name", displayName)
			.param("id", user.id())
			.update();
		return user;
	}

	private Api.Response list(TestUser admin, String query) {
		return this.api.get("/api/admin/users/list?" + query).as(admin).send();
	}

	private Api.Response ban(TestUser admin, Map<String, Object> body) {
		return this.api.post("/api/admin/users/ban", new HashMap<>(body)).as(admin).send();
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static int eventually(java.util.function.IntSupplier status, int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		int last = status.getAsInt();
		while (last != expected && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return last;
			}
			last = status.getAsInt();
		}
		return last;
	}

}
