package io.questline.squads;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The squads' SQL: squads, their member counts and memberships.
 */
@Repository
class Squads {

	private final JdbcClient jdbc;

	Squads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of squads, oldest first, whose name contains a text (case-insensitive).
	 * @param pattern a LIKE pattern whose caller text has {@code !}, {@code %} and
	 * {@code _} escaped with {@code !}, {@code %} for all
	 * @param afterCreatedAt the cursor's instant, or {@code null} for the first page
	 * @param afterId the cursor's id
	 * @param limit how many rows to fetch
	 */
	List<Squad> page(String pattern, Instant afterCreatedAt, long afterId, int limit) {
		return this.jdbc
			.sql("""
					SELECT id, name, description, member_count, capacity, bonus_percent, created_at FROM squads
					 WHERE name ILIKE :pattern ESCAPE '!'
					   AND (CAST(:after AS timestamptz) IS NULL OR (created_at, id) > (CAST(:after AS timestamptz), :afterId))
					 ORDER BY created_at, id
					 LIMIT :limit
					""")
			.param("pattern", pattern)
			.param("after", (afterCreatedAt != null) ? Timestamp.from(afterCreatedAt) : null)
			.param("afterId", afterId)
			.param("limit", limit)
			.query(Squads::squad)
			.list();
	}

	boolean exists(long squadId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM squads WHERE id = :id)")
			.param("id", squadId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Makes a user a member unless they are in a squad already.
	 * @return whether the membership was recorded
	 */
	boolean insertMember(UUID userId, long squadId, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO squad_members (user_id, squad_id, joined_at) VALUES (:userId, :squadId, :at)
				ON CONFLICT (user_id) DO NOTHING
				""").param("userId", userId).param("squadId", squadId).param("at", Timestamp.from(at)).update() == 1;
	}

	/**
	 * Takes one place in a squad if one is free. Concurrent callers queue on the squad
	 * row and each sees the count the one before left, so capacity holds.
	 * @return the squad after the change, or empty when it is full
	 */
	Optional<Squad> takePlace(long squadId) {
		return this.jdbc.sql("""
				UPDATE squads SET member_count = member_count + 1
				 WHERE id = :id AND member_count < capacity
				RETURNING id, name, description, member_count, capacity, bonus_percent, created_at
				""").param("id", squadId).query(Squads::squad).optional();
	}

	/**
	 * Ends a user's membership.
	 * @return the squad they left, or empty when they were in none
	 */
	Optional<Long> deleteMember(UUID userId) {
		return this.jdbc.sql("DELETE FROM squad_members WHERE user_id = :userId RETURNING squad_id")
			.param("userId", userId)
			.query(Long.class)
			.optional();
	}

	void releasePlace(long squadId) {
		this.jdbc.sql("UPDATE squads SET member_count = member_count - 1 WHERE id = :id").param("id", squadId).update();
	}

	private static Squad squad(ResultSet rs, int row) throws SQLException {
		return new Squad(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getInt("member_count"),
				rs.getInt("capacity"), rs.getInt("bonus_percent"), rs.getTimestamp("created_at").toInstant());
	}

	/**
	 * The bonus of the user's squad, if the squad has enough members for it to count.
	 */
	Optional<Integer> bonusPercentOf(UUID userId, int minMembers) {
		return this.jdbc.sql("""
				SELECT s.bonus_percent FROM squad_members m JOIN squads s ON s.id = m.squad_id
				 WHERE m.user_id = :userId AND s.member_count >= :minMembers
				""").param("userId", userId).param("minMembers", minMembers).query(Integer.class).optional();
	}

	/**
	 * The squad a user is a member of.
	 */
	Optional<Squad> memberOf(UUID userId) {
		return this.jdbc.sql("""
				SELECT s.id, s.name, s.description, s.member_count, s.capacity, s.bonus_percent, s.created_at
				  FROM squad_members m JOIN squads s ON s.id = m.squad_id
				 WHERE m.user_id = :userId
				""").param("userId", userId).query(Squads::squad).optional();
	}

	/**
	 * The open squad (one with a free place) with the best bonus, the fullest among
	 * equals, among those with at least some members ({@code 0}: any open squad).
	 */
	Optional<Squad> bestOpen(int minMembers) {
		return this.jdbc.sql("""
				SELECT id, name, description, member_count, capacity, bonus_percent, created_at FROM squads
				 WHERE member_count < capacity AND member_count >= :minMembers
				 ORDER BY bonus_percent DESC, member_count DESC, id
				 LIMIT 1
				""").param("minMembers", minMembers).query(Squads::squad).optional();
	}

}
