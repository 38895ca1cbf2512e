package io.questline.mining;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

	/**
	 * The user's session not settled yet, if any (one at most: a unique index says so).
	 * It may be past its end, waiting to be settled.
	 */
	public Optional<OpenSession> openSession(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, started_at, ends_at, rate_per_hour FROM mining_sessions
				 WHERE user_id = :userId AND state = 'active'
				""")
			.param("userId", userId)
			.query((rs, row) -> new OpenSession(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), rs.getLong("rate_per_hour")))
			.optional();
	}

	/**
	 * Sessions started per day in a timezone, for {@code from <= started_at < to}. Days
	 * are cut with Java's zone rules, as everywhere else in the server.
	 */
	public Map<LocalDate, Integer> sessionsStartedByDay(UUID userId, ZoneId zone, Instant from, Instant to) {
		Map<LocalDate, Integer> sessions = new HashMap<>();
		this.jdbc.sql("""
				SELECT started_at FROM mining_sessions
				 WHERE user_id = :userId AND started_at >= :from AND started_at < :to
				""")
			.param("userId", userId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs) -> {
				LocalDate day = LocalDate.ofInstant(rs.getTimestamp("started_at").toInstant(), zone);
				sessions.merge(day, 1, Integer::sum);
			});
		return sessions;
	}

	/**
	 * What the user's settled sessions started in a window credited, and for how long
	 * they earned.
	 */
	public MinedTime minedTime(UUID userId, Instant from, Instant to) {
		return this.jdbc
			.sql("""
					SELECT COALESCE(sum(credited), 0) AS credited,
					       COALESCE(sum(EXTRACT(EPOCH FROM (LEAST(COALESCE(earned_until, settled_at), ends_at) - started_at))
					                * 1000), 0)::bigint AS millis
					  FROM mining_sessions
					 WHERE user_id = :userId AND state = 'settled' AND started_at >= :from AND started_at < :to
					""")
			.param("userId", userId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new MinedTime(rs.getLong("credited"), rs.getLong("millis")))
			.single();
	}

	/**
	 * A mining session not settled yet.
	 *
	 * @param id the session
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param ratePerHour millicoins per hour, bonuses included
	 */
	public record OpenSession(long id, Instant startedAt, Instant endsAt, long ratePerHour) {

		/** Millicoins the session pays once it has run to its end. */
		public long earnedAtEnd() {
			return accruedAt(this.endsAt);
		}

		/** Millicoins earned by an instant, rounded down to a millicoin. */
		public long accruedAt(Instant now) {
			Instant until = now.isBefore(this.endsAt) ? now : this.endsAt;
			long millis = Math.max(0, until.toEpochMilli() - this.startedAt.toEpochMilli());
			return this.ratePerHour * millis / 3_600_000L;
		}

	}

	/**
	 * Coins credited by settled sessions and the time they earned.
	 *
	 * @param credited millicoins
	 * @param millis milliseconds of earning
	 */
	public record MinedTime(long credited, long millis) {

		/** Millicoins per hour of earning, 0 without any. */
		public long perHour() {
			return (this.millis <= 0) ? 0 : Math.multiplyExact(this.credited, 3_600_000L) / this.millis;
		}

	}

}
