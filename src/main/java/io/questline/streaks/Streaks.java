package io.questline.streaks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the {@code streaks} table (one row per user; freezes live there too).
 */
@Repository
class Streaks {

	private final JdbcClient jdbc;

	Streaks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StreakState> find(UUID userId) {
		return this.jdbc.sql("""
				SELECT current_days, longest_days, last_day, last_zone, last_seen_at, freezes
				  FROM streaks WHERE user_id = :id
				""").param("id", userId).query(Streaks::state).optional();
	}

	/**
	 * The user's streak, locked until the transaction ends (the row is made if missing).
	 */
	StreakState lock(UUID userId, Instant now) {
		this.jdbc.sql("INSERT INTO streaks (user_id, updated_at) VALUES (:id, :now) ON CONFLICT (user_id) DO NOTHING")
			.param("id", userId)
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc.sql("""
				SELECT current_days, longest_days, last_day, last_zone, last_seen_at, freezes
				  FROM streaks WHERE user_id = :id FOR UPDATE
				""").param("id", userId).query(Streaks::state).single();
	}

	void save(UUID userId, StreakState state, Instant now) {
		this.jdbc.sql("""
				UPDATE streaks
				   SET current_days = :current, longest_days = :longest, last_day = :lastDay, last_zone = :lastZone,
				       last_seen_at = :lastSeenAt, freezes = :freezes, updated_at = :now
				 WHERE user_id = :id
				""")
			.param("id", userId)
			.param("current", state.current())
			.param("longest", state.longest())
			.param("lastDay", state.lastDay())
			.param("lastZone", (state.lastZone() != null) ? state.lastZone().getId() : null)
			.param("lastSeenAt", (state.lastSeenAt() != null) ? Timestamp.from(state.lastSeenAt()) : null)
			.param("freezes", state.freezes())
			.param("now", Timestamp.from(now))
			.update();
	}

	private static StreakState state(ResultSet rs, int row) throws SQLException {
		LocalDate lastDay = rs.getObject("last_day", LocalDate.class);
		String lastZone = rs.getString("last_zone");
		Timestamp lastSeenAt = rs.getTimestamp("last_seen_at");
		return new StreakState(rs.getInt("current_days"), rs.getInt("longest_days"), lastDay,
				(lastZone != null) ? ZoneId.of(lastZone) : null, (lastSeenAt != null) ? lastSeenAt.toInstant() : null,
				rs.getInt("freezes"));
	}

}
