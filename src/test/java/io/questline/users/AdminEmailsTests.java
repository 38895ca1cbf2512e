package io.questline.users;

import java.util.List;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AdminEmailsTests {

	@Autowired
	AdminEmails adminEmails;

	@Autowired
	TestUsers users;

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anExistingAccountWithAnAdminEmailIsPromotedOnceAndAtOnce() {
		TestUser user = this.users.create();
		TestUser other = this.users.create();
		// Warm the authentication cache as a plain user: the promotion must evict it.
		assertThat(this.api.get("/api/admin/users/list").as(user).send().status()).isEqualTo(403);

		assertThat(this.adminEmails.promote(List.of(user.email()))).containsExactly(user.id());
		assertThat(this.adminEmails.promote(List.of(user.email()))).isEmpty();

		assertThat(this.api.get("/api/admin/users/list").as(user).send().status()).isEqualTo(200);
		assertThat(this.api.get("/api/admin/users/list").as(other).send().status()).isEqualTo(403);
		assertThat(role(user)).isEqualTo("ADMIN");
		assertThat(role(other)).isEqualTo("USER");
	}

	@Test
	void theConfiguredEmailsAreNormalised() {
		assertThat(new UsersProperties(List.of(" Boss@Example.TEST ", "", "a@b.test"), java.time.Duration.ZERO)
			.normalizedAdminEmails()).containsExactlyInAnyOrder("boss@example.test", "a@b.test");
	}

	private String role(TestUser user) {
		return this.jdbc.sql("SELECT role FROM users WHERE id = :id")
			.param("id", user.id())
			.query(String.class)
			.single();
	}

}
