package io.questline.support;

import java.sql.Timestamp;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.questline.shared.security.AccessTokens;

/**
 * Makes users straight in the database, with a valid access token each, for tests that
 * are not about registration. (Their password hash is not a real one: they cannot log
 * in.)
 */
public class TestUsers {

	private static final AtomicLong counter = new AtomicLong();

	private final JdbcClient jdbc;

	private final AccessTokens tokens;

	private final MutableClock clock;

	TestUsers(JdbcClient jdbc, AccessTokens tokens, MutableClock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	public TestUser create() {
		return create("USER", "UTC");
	}

	public TestUser admin() {
		return create("ADMIN", "UTC");
	}

	public TestUser inZone(String timezone) {
		return create("USER", timezone);
	}

	public TestUser create(String role, String timezone) {
		long n = counter.incrementAndGet();
		String email = "user" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
		Timestamp now = Timestamp.from(this.clock.instant());
		UUID id = this.jdbc.sql("""
				INSERT INTO users (email, email_normalized, password_hash, display_name, role, referral_code, timezone,
				                   created_at, updated_at)
				VALUES (:email, :email, 'not-a-hash', :name, :role, :code, :timezone, :now, :now)
				RETURNING id
				""")
			.param("email", email)
			.param("name", "Player " + n)
			.param("role", role)
			.param("code", "T" + Long.toString(n, 36).toUpperCase() + UUID.randomUUID().toString().substring(0, 6))
			.param("timezone", timezone)
			.param("now", now)
			.query(UUID.class)
			.single();
		return new TestUser(id, email, this.tokens.mint(id).value());
	}

	/**
	 * A token for an existing user (after a test moved the clock past the old one's
	 * expiry).
	 */
	public String tokenFor(UUID userId) {
		return this.tokens.mint(userId).value();
	}

	/**
	 * A user made for a test.
	 *
	 * @param id the user id
	 * @param email the email
	 * @param token a valid access token
	 */
	public record TestUser(UUID id, String email, String token) {

	}

}
