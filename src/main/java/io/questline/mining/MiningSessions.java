package io.questline.mining;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of mining sessions. The partial unique index on active sessions is what keeps a
 * user to one; a settled row is never turned back.
 */
@Repository
class MiningSessions {

	private final JdbcClient jdbc;

	MiningSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Opens a session.
	 * @throws SessionAlreadyActiveException when the user has one already (the unique
	 * index decides, so two concurrent starts cannot both win)
	 */
	MiningSession insert(UUID userId, Instant startedAt, Instant endsAt, long ratePerHour, String multipliersJson) {
		try {
			return this.jdbc.sql("""
					INSERT INTO mining_sessions (user_id, state, started_at, ends_at, rate_per_hour, multipliers)
					VALUES (:userId, 'active', :startedAt, :endsAt, :rate, CAST(:multipliers AS jsonb))
					RETURNING id, user_id, state, started_at, ends_at, rate_per_hour, multipliers::text AS multipliers,
					          earned_until, credited
					""")
				.param("userId", userId)
				.param("startedAt", Timestamp.from(startedAt))
				.param("endsAt", Timestamp.from(endsAt))
				.param("rate", ratePerHour)
				.param("multipliers", multipliersJson)
				.query(MiningSessions::session)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new SessionAlreadyActiveException();
		}
	}

	Optional<MiningSession> findActive(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, user_id, state, started_at, ends_at, rate_per_hour, multipliers::text AS multipliers,
				       earned_until, credited
				  FROM mining_sessions WHERE user_id = :userId AND state = 'active'
				""").param("userId", userId).query(MiningSessions::session).optional();
	}

	/**
	 * The user's active session, locked until the transaction ends; a concurrent settler
	 * waits here and then finds it settled.
	 */
	Optional<MiningSession> lockActive(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, user_id, state, started_at, ends_at, rate_per_hour, multipliers::text AS multipliers,
				       earned_until, credited
				  FROM mining_sessions WHERE user_id = :userId AND state = 'active' FOR UPDATE
				""").param("userId", userId).query(MiningSessions::session).optional();
	}

	/**
	 * Active sessions past their end, locked; rows another instance is settling are
	 * skipped.
	 */
	List<MiningSession> lockOverdue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id, user_id, state, started_at, ends_at, rate_per_hour, multipliers::text AS multipliers,
				       earned_until, credited
				  FROM mining_sessions WHERE state = 'active' AND ends_at <= :now
				 ORDER BY ends_at LIMIT :limit FOR UPDATE SKIP LOCKED
				""").param("now", Timestamp.from(now)).param("limit", limit).query(MiningSessions::session).list();
	}

	boolean markSettled(long id, Instant earnedUntil, long credited, Instant settledAt) {
		return this.jdbc.sql("""
				UPDATE mining_sessions
				   SET state = 'settled', earned_until = :earnedUntil, credited = :credited, settled_at = :settledAt
				 WHERE id = :id AND state = 'active'
				""")
			.param("id", id)
			.param("earnedUntil", Timestamp.from(earnedUntil))
			.param("credited", credited)
			.param("settledAt", Timestamp.from(settledAt))
			.update() == 1;
	}

	long countSettled(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM mining_sessions WHERE user_id = :userId AND state = 'settled'")
			.param("userId", userId)
			.query(Long.class)
			.single();
	}

	private static MiningSession session(ResultSet rs, int row) throws SQLException {
		Timestamp earnedUntil = rs.getTimestamp("earned_until");
		long creditedValue = rs.getLong("credited");
		Long credited = rs.wasNull() ? null : creditedValue;
		return new MiningSession(rs.getLong("id"), rs.getObject("user_id", UUID.class),
				"active".equals(rs.getString("state")), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("ends_at").toInstant(), rs.getLong("rate_per_hour"), rs.getString("multipliers"),
				(earnedUntil != null) ? earnedUntil.toInstant() : null, credited);
	}

}
