package io.questline.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens: 256 random bits given to the client once, kept here only as their
 * SHA-256, grouped in families (one per login).
 */
@Repository
class RefreshTokens {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	RefreshTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues a token in a family.
	 * @return the token, to give to the client
	 */
	String issue(UUID userId, UUID familyId, Instant now, Instant expiresAt) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (user_id, family_id, token_hash, issued_at, expires_at)
				VALUES (:userId, :familyId, :hash, :now, :expiresAt)
				""")
			.param("userId", userId)
			.param("familyId", familyId)
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expiresAt))
			.update();
		return token;
	}

	/**
	 * Finds a token and locks it, so that two refreshes with one token are decided one
	 * after the other.
	 */
	Optional<Stored> lock(String token) {
		return this.jdbc.sql("""
				SELECT id, user_id, family_id, expires_at, used_at, revoked_at
				FROM refresh_tokens WHERE token_hash = :hash
				FOR UPDATE
				""")
			.param("hash", hash(token))
			.query((rs, row) -> new Stored(rs.getLong("id"), rs.getObject("user_id", UUID.class),
					rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null))
			.optional();
	}

	void markUsed(long id, Instant now) {
		this.jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	int revokeFamily(UUID familyId, Instant now) {
		return this.jdbc.sql("""
				UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL
				""").param("familyId", familyId).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Revokes the family of a token, if the token is the user's.
	 */
	int revokeFamilyOf(String token, UUID userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE refresh_tokens SET revoked_at = :now
				WHERE revoked_at IS NULL
				  AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash AND user_id = :userId)
				""").param("hash", hash(token)).param("userId", userId).param("now", Timestamp.from(now)).update();
	}

	int revokeAll(UUID userId, Instant now) {
		return this.jdbc.sql("""
				UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL
				""").param("userId", userId).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Forgets tokens that expired more than a day ago: they can only ever be refused.
	 */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
	void purgeExpired() {
		this.jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minusSeconds(86_400)))
			.update();
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A stored token.
	 */
	record Stored(long id, UUID userId, UUID familyId, Instant expiresAt, boolean used, boolean revoked) {

	}

}
