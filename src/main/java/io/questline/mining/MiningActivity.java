package io.questline.mining;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other features may ask of mining: who is mining right now, and how much.
 */
@Service
public class MiningActivity {

	private final JdbcClient jdbc;

	MiningActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many of these users have a session earning at an instant.
	 */
	public long countMining(Collection<UUID> userIds, Instant at) {
		if (userIds.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				SELECT count(*) FROM mining_sessions
				 WHERE user_id IN (:ids) AND state = 'active' AND started_at <= :at AND ends_at > :at
				""").param("ids", userIds).param("at", Timestamp.from(at)).query(Long.class).single();
	}

	/**
	 * Whether a user has a session earning at an instant.
	 */
	public boolean isMining(UUID userId, Instant at) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM mining_sessions
				                WHERE user_id = :id AND state = 'active' AND started_at <= :at AND ends_at > :at)
				""").param("id", userId).param("at", Timestamp.from(at)).query(Boolean.class).single();
	}

	/**
	 * Millicoins a user has been credited by settled sessions.
	 */
	public long coinsMined(UUID userId) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(credited), 0) FROM mining_sessions WHERE user_id = :id AND state = 'settled'
				""").param("id", userId).query(Long.class).single();
	}

	/**
	 * How many sessions of a user have been settled.
	 */
	public long completedSessions(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM mining_sessions WHERE user_id = :id AND state = 'settled'")
			.param("id", userId)
			.query(Long.class)
			.single();
	}

}
