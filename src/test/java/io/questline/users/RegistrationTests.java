package io.questline.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegistrationTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventMulticaster multicaster;

	@Autowired
	UsersProperties properties;

	@Autowired
	TestUsers users;

	@Test
	void registeringAnswersTheProfileAndWorkingTokens() {
		List<UserRegistered> published = new CopyOnWriteArrayList<>();
		ApplicationListener<ApplicationEvent> listener = (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof UserRegistered registered) {
				published.add(registered);
			}
		};
		this.multicaster.addApplicationListener(listener);
		try {
			registersAndPublishes(published);
		}
		finally {
			this.multicaster.removeApplicationListener(listener);
		}
	}

	@Test
	void anUnknownReferralCodeIsRefusedAndUndoesTheRegistration() {
		// The referrals feature refuses the code from inside the registration
		// transaction.
		String email = Registrations.uniqueEmail();
		Api.Response response = this.api
			.post("/api/auth/register", Registrations.body(email, Registrations.PASSWORD, "Ref", "UNKNOWN1"))
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("referralCode");
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isZero();
	}

	private void registersAndPublishes(List<UserRegistered> published) {
		String email = Registrations.uniqueEmail();
		String friendsCode = this.jdbc.sql("SELECT referral_code FROM users WHERE id = :id")
			.param("id", this.users.create().id())
			.query(String.class)
			.single();
		Api.Response response = this.api
			.post("/api/auth/register",
					Registrations.body("  " + email.toUpperCase() + " ", Registrations.PASSWORD, "Ada", friendsCode))
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode body = response.json();
		JsonNode user = body.get("user");
		assertThat(user.get("email").asString()).isEqualTo(email.toUpperCase());
		assertThat(user.get("displayName").asString()).isEqualTo("Ada");
		assertThat(user.get("role").asString()).isEqualTo("USER");
		assertThat(user.get("balance").asLong()).isZero();
		assertThat(user.get("referralCode").asString()).matches("[A-HJ-NP-Z2-9]{8}");
		assertThat(user.get("settings").get("timezone").asString()).isEqualTo("UTC");
		assertThat(user.get("createdAt").asString()).isNotBlank();
		assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.get("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
		Api.Response profile = this.api.get("/api/user/profile").bearer(body.get("accessToken").asString()).send();
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.json().get("id").asString()).isEqualTo(user.get("id").asString());
		UUID id = UUID.fromString(user.get("id").asString());
		assertThat(published)
			.anyMatch((event) -> event.userId().equals(id) && friendsCode.equals(event.referralCode()));
		String stored = this.jdbc.sql("SELECT email_normalized FROM users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(email);
		String hash = this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(Registrations.PASSWORD);
	}

	@Test
	void anEmailIsTakenWhateverItsCase() {
		String email = Registrations.uniqueEmail();
		new Registrations(this.api).register(email);
		Api.Response again = this.api
			.post("/api/auth/register", Registrations.body(email.toUpperCase(), Registrations.PASSWORD, "Copy", null))
			.send();
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("EMAIL_TAKEN");
	}

	@Test
	void concurrentRegistrationsOfOneEmailMakeOneAccount() throws Exception {
		String email = Registrations.uniqueEmail();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String variant = (i % 2 == 0) ? email : email.toUpperCase();
				calls.add(() -> this.api
					.post("/api/auth/register", Registrations.body(variant, Registrations.PASSWORD, "Racer", null))
					.send()
					.status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> future : pool.invokeAll(calls)) {
				statuses.add(future.get());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM users WHERE email_normalized = :email")
			.param("email", email)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void commonOrShortPasswordsAreRefusedOnThePasswordField() {
		for (String password : List.of("Password2024!", "qwertyuiop123", "123456789012", "short-pw1",
				"x".repeat(129))) {
			Api.Response response = this.api
				.post("/api/auth/register", Registrations.body(Registrations.uniqueEmail(), password, "Weak", null))
				.send();
			assertThat(response.status()).as(password).isEqualTo(400);
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		}
	}

	@Test
	void badEmailsNamesAndCodesAreRefused() {
		List<Map<String, Object>> bodies = List.of(
				Registrations.body("not-an-email", Registrations.PASSWORD, "A", null),
				Registrations.body("a@b", Registrations.PASSWORD, "A", null),
				Registrations.body("x".repeat(250) + "@example.test", Registrations.PASSWORD, "A", null),
				Registrations.body(Registrations.uniqueEmail(), Registrations.PASSWORD, "", null),
				Registrations.body(Registrations.uniqueEmail(), Registrations.PASSWORD, "   ", null),
				Registrations.body(Registrations.uniqueEmail(), Registrations.PASSWORD, "n".repeat(51), null),
				Registrations.body(Registrations.uniqueEmail(), Registrations.PASSWORD, "A", "C".repeat(33)));
		for (Map<String, Object> body : bodies) {
			Api.Response response = this.api.post("/api/auth/register", body).send();
			assertThat(response.status()).as(body.toString()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
		}
	}

	@Test
	void aRoleCannotBeChosenAtRegistration() {
		Map<String, Object> body = Registrations.body(Registrations.uniqueEmail(), Registrations.PASSWORD, "Eve", null);
		body.put("role", "ADMIN");
		Api.Response response = this.api.post("/api/auth/register", body).send();
		assertThat(response.status()).isEqualTo(400);
	}

	@Test
	void registeringWithAnAdminEmailMakesAnAdmin() {
		String configured = this.properties.adminEmails().get(0).trim();
		assertThat(configured).startsWith("Founder-");
		JsonNode body = new Registrations(this.api).register(configured.toLowerCase());
		assertThat(body.get("user").get("role").asString()).isEqualTo("ADMIN");
		Api.Response list = this.api.get("/api/admin/users/list?limit=1")
			.bearer(body.get("accessToken").asString())
			.send();
		assertThat(list.status()).isEqualTo(200);
	}

	@Test
	void everyUserGetsADistinctReferralCode() {
		Registrations registrations = new Registrations(this.api);
		String first = registrations.register().get("user").get("referralCode").asString();
		String second = registrations.register().get("user").get("referralCode").asString();
		assertThat(first).isNotEqualTo(second);
	}

}
