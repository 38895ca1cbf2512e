package io.questline.recommendations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only facts the built-in strategy sources need from mining and streaks. They read
 * those features' tables directly because their public services do not answer these
 * questions yet; once they do, these reads move behind them.
 */
@Repository
class StrategyFacts {

	private final JdbcClient jdbc;

	StrategyFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's unsettled session, if any (one at most: a unique index says so).
	 */
	Optional<OpenSession> openSession(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, started_at, ends_at, rate_per_hour FROM mining_sessions
				 WHERE user_id = :userId AND state = 'active'
				""").param("userId", userId).query(StrategyFacts::openSession).optional();
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
	 * A mining session not settled yet.
	 *
	 * @param id the session
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param ratePerHour millicoins per hour, bonuses included
	 */
	record OpenSession(long id, Instant startedAt, Instant endsAt, long ratePerHour) {

		long earnedAtEnd() {
			return this.ratePerHour * (this.endsAt.toEpochMilli() - this.startedAt.toEpochMilli()) / 3_600_000L;
		}

	}

	/**
	 * A user's streak row.
	 *
	 * @param currentDays the streak length when last counted
	 * @param lastDay the last day counted, in the user's timezone
	 * @param freezes freezes held
	 */
	record Streak(int currentDays, LocalDate lastDay, int freezes) {

	}

}
