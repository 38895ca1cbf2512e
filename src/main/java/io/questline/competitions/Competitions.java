package io.questline.competitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The events' SQL: events, the live list and prizes paid.
 */
@Repository
class Competitions {

	private static final TypeReference<List<Prize>> PRIZES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RowMapper<Competition> competition;

	Competitions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.competition = this::competition;
	}

	long insert(String name, String description, Instant startsAt, Instant endsAt, Metric metric, List<Prize> prizes,
			UUID createdBy, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO competitions (name, description, starts_at, ends_at, metric, prizes, created_by, created_at)
				VALUES (:name, :description, :startsAt, :endsAt, :metric, CAST(:prizes AS jsonb), :createdBy, :at)
				RETURNING id
				""")
			.param("name", name)
			.param("description", description)
			.param("startsAt", Timestamp.from(startsAt))
			.param("endsAt", Timestamp.from(endsAt))
			.param("metric", metric.code())
			.param("prizes", this.json.writeValueAsString(prizes))
			.param("createdBy", createdBy)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<Competition> find(long id) {
		return this.jdbc.sql("""
				SELECT id, name, description, starts_at, ends_at, metric, prizes, state FROM competitions WHERE id = :id
				""").param("id", id).query(this.competition).optional();
	}

	/**
	 * Reads an event and holds it against finalisation until the transaction ends, so a
	 * join or a score change never lands on a board being paid out.
	 */
	Optional<Competition> findForShare(long id) {
		return this.jdbc.sql("""
				SELECT id, name, description, starts_at, ends_at, metric, prizes, state FROM competitions
				 WHERE id = :id FOR SHARE
				""").param("id", id).query(this.competition).optional();
	}

	/**
	 * The events running at an instant, with their participant counts (from the root of
	 * the rank tree: a row or two, not a count of entries) and whether a user joined.
	 */
	List<LiveCompetition> live(UUID userId, Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT c.id, c.name, c.description, c.starts_at, c.ends_at, c.metric, c.prizes, c.state,
				       (SELECT coalesce(sum(n.entries), 0) FROM competition_rank_nodes n
				         WHERE n.competition_id = c.id AND n.level = 7) AS participants,
				       EXISTS (SELECT 1 FROM competition_entries e
				                WHERE e.competition_id = c.id AND e.user_id = :userId) AS joined
				  FROM competitions c
				 WHERE c.state = 'open' AND c.ends_at > :now AND c.starts_at <= :now
				 ORDER BY c.ends_at, c.id
				 LIMIT :limit
				""")
			.param("userId", userId)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, row) -> new LiveCompetition(competition(rs, row), rs.getLong("participants"),
					rs.getBoolean("joined")))
			.list();
	}

	boolean anyLive(Instant now) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM competitions
				                WHERE state = 'open' AND ends_at > :now AND starts_at <= :now)
				""").param("now", Timestamp.from(now)).query(Boolean.class).single();
	}

	/**
	 * Claims one ended, unpaid event for this transaction. Another instance running the
	 * same job skips the claimed row and takes the next, or nothing.
	 */
	Optional<Competition> claimEnded(Instant now) {
		return this.jdbc.sql("""
				SELECT id, name, description, starts_at, ends_at, metric, prizes, state FROM competitions
				 WHERE state = 'open' AND ends_at <= :now
				 ORDER BY ends_at, id
				 LIMIT 1
				 FOR UPDATE SKIP LOCKED
				""").param("now", Timestamp.from(now)).query(this.competition).optional();
	}

	void markFinal(long id, Instant at) {
		this.jdbc.sql("UPDATE competitions SET state = 'final', finalized_at = :at WHERE id = :id AND state = 'open'")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Records a prize unless that user or that rank already has one for the event.
	 * @return whether it was recorded (and so is to be paid now)
	 */
	boolean insertPrize(long competitionId, UUID userId, int rank, long score, long reward, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO competition_prizes (competition_id, user_id, rank, score, reward, paid_at)
				VALUES (:competitionId, :userId, :rank, :score, :reward, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("competitionId", competitionId)
			.param("userId", userId)
			.param("rank", rank)
			.param("score", score)
			.param("reward", reward)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private Competition competition(ResultSet rs, int row) throws SQLException {
		List<Prize> prizes = this.json.readValue(rs.getString("prizes"), PRIZES)
			.stream()
			.sorted(Comparator.comparingInt(Prize::rank))
			.toList();
		return new Competition(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				Metric.of(rs.getString("metric")).orElseThrow(), prizes, rs.getString("state"));
	}

	/**
	 * An event running now, as the live list shows it.
	 *
	 * @param competition the event
	 * @param participants how many joined
	 * @param joined whether the caller joined
	 */
	record LiveCompetition(Competition competition, long participants, boolean joined) {

	}

}
