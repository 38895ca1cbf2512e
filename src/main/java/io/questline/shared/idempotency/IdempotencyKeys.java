package io.questline.shared.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored idempotency keys. Each statement runs on its own (auto-commit), so a key is
 * visible to a concurrent repeat as soon as it is claimed.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for a request, unless a live claim exists. An expired record, or an
	 * in-flight one abandoned for longer than {@code staleAfter} (its instance died), is
	 * taken over.
	 * @return whether this request now owns the key
	 */
	boolean claim(String scope, String key, String requestHash, Instant now, Duration ttl, Duration staleAfter) {
		return this.jdbc.sql("""
				INSERT INTO idempotency_keys (scope, idempotency_key, request_hash, state, created_at, expires_at)
				VALUES (:scope, :key, :hash, 'in_flight', :now, :expiresAt)
				ON CONFLICT (scope, idempotency_key) DO UPDATE
				   SET request_hash = excluded.request_hash, state = 'in_flight', response_status = NULL,
				       response_type = NULL, response_body = NULL, created_at = excluded.created_at,
				       expires_at = excluded.expires_at
				 WHERE idempotency_keys.expires_at <= :now
				    OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.created_at <= :staleBefore)
				""")
			.param("scope", scope)
			.param("key", key)
			.param("hash", requestHash)
			.param("now", java.sql.Timestamp.from(now))
			.param("expiresAt", java.sql.Timestamp.from(now.plus(ttl)))
			.param("staleBefore", java.sql.Timestamp.from(now.minus(staleAfter)))
			.update() == 1;
	}

	Optional<StoredKey> find(String scope, String key) {
		return this.jdbc.sql("""
				SELECT request_hash, state, response_status, response_type, response_body
				  FROM idempotency_keys
				 WHERE scope = :scope AND idempotency_key = :key
				""").param("scope", scope).param("key", key).query(StoredKey.class).optional();
	}

	void complete(String scope, String key, int status, String contentType, byte[] body) {
		this.jdbc.sql("""
				UPDATE idempotency_keys
				   SET state = 'done', response_status = :status, response_type = :type, response_body = :body
				 WHERE scope = :scope AND idempotency_key = :key
				""")
			.param("status", status)
			.param("type", contentType)
			.param("body", body)
			.param("scope", scope)
			.param("key", key)
			.update();
	}

	void release(String scope, String key) {
		this.jdbc
			.sql("DELETE FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key AND state = 'in_flight'")
			.param("scope", scope)
			.param("key", key)
			.update();
	}

	int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at <= :now")
			.param("now", java.sql.Timestamp.from(now))
			.update();
	}

	/**
	 * A key as stored.
	 *
	 * @param requestHash the hash of the request that claimed it
	 * @param state {@code in_flight} or {@code done}
	 * @param responseStatus the stored status, when done
	 * @param responseType the stored content type, when done
	 * @param responseBody the stored body, when done
	 */
	record StoredKey(String requestHash, String state, Integer responseStatus, String responseType,
			byte[] responseBody) {

	}

}
