package io.questline.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.springframework.stereotype.Repository;

/**
 * One user's activity read for their dashboard: ledger credits, mining sessions and the
 * streak row. Every query is bounded by the user's id and a time window, on an index.
 * (Sessions and streaks are read from their features' tables because those features
 * publish no such read yet.)
 */
@Repository
class UserActivity {

	private final JdbcClient jdbc;

	UserActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Credits to the user from earning system accounts, per day in the user's timezone,
	 * for {@code from <= created_at < to}.
	 */
	Map<LocalDate, Long> earnedByDay(UUID userId, ZoneId zone, Instant from, Instant to,
			Collection<String> earningAccounts) {
		Map<LocalDate, Long> earned = new HashMap<>();
		// Rows, not SQL day buckets: days are cut with Java's zone rules, the same ones
		// the rest of the server counts days with (PostgreSQL may not know every zone
		// id).
		this.jdbc.sql("""
				SELECT e.created_at, e.amount
				  FROM ledger_accounts a
				  JOIN ledger_entries e ON e.account_id = a.id
				 WHERE a.user_id = :userId
				   AND e.created_at >= :from AND e.created_at < :to
				   AND e.amount > 0
				   AND EXISTS (SELECT 1 FROM ledger_entries s
				                 JOIN ledger_accounts sa ON sa.id = s.account_id
				                WHERE s.transaction_id = e.transaction_id AND s.amount < 0
				                  AND sa.system_code IN (:accounts))
				""")
			.param("userId", userId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("accounts", earningAccounts)
			.query((rs) -> {
				LocalDate day = LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), zone);
				earned.merge(day, rs.getLong("amount"), Long::sum);
			});
		return earned;
	}

	/** Mining sessions started per day in the user's timezone. */
	Map<LocalDate, Integer> sessionsByDay(UUID userId, ZoneId zone, Instant from, Instant to) {
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
	MinedTime minedTime(UUID userId, Instant from, Instant to) {
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

	Optional<OpenSession> openSession(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, started_at, ends_at, rate_per_hour FROM mining_sessions
				 WHERE user_id = :userId AND state = 'active'
				""").param("userId", userId).query(UserActivity::openSession).optional();
	}

	Optional<Streak> streak(UUID userId) {
		return this.jdbc.sql("SELECT current_days, last_day, freezes FROM streaks WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> new Streak(rs.getInt("current_days"), rs.getObject("last_day", LocalDate.class),
					rs.getInt("freezes")))
			.optional();
	}

	private static OpenSession openSession(ResultSet rs, int row) throws SQLException {
		return new OpenSession(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getLong("rate_per_hour"));
	}

	/**
	 * Coins credited by settled sessions and the time they earned.
	 *
	 * @param credited millicoins
	 * @param millis milliseconds of earning
	 */
	record MinedTime(long credited, long millis) {

		long perHour() {
			return (this.millis <= 0) ? 0 : Math.multiplyExact(this.credited, 3_600_000L) / this.millis;
		}

	}

	/**
	 * A session not settled yet.
	 *
	 * @param id the session
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param ratePerHour millicoins per hour
	 */
	record OpenSession(long id, Instant startedAt, Instant endsAt, long ratePerHour) {

		long accruedAt(Instant now) {
			Instant until = now.isBefore(this.endsAt) ? now : this.endsAt;
			long millis = Math.max(0, until.toEpochMilli() - this.startedAt.toEpochMilli());
			return this.ratePerHour * millis / 3_600_000L;
		}

	}

	/**
	 * The streak row.
	 *
	 * @param currentDays length when last counted
	 * @param lastDay last day counted, in the user's timezone
	 * @param freezes freezes held
	 */
	record Streak(int currentDays, LocalDate lastDay, int freezes) {

		/**
		 * The streak as it stands today: kept while the missed days since the last
		 * counted one can be covered by the freezes held, otherwise gone.
		 */
		int currentOn(LocalDate today) {
			if (this.lastDay == null) {
				return 0;
			}
			long missed = today.toEpochDay() - this.lastDay.toEpochDay() - 1;
			return (missed <= this.freezes) ? this.currentDays : 0;
		}

	}

}
