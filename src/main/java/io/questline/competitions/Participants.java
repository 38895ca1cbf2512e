package io.questline.competitions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The participants of events, in ranking order, and the rank tree that counts them (see
 * {@code V42__competitions_create.sql}). Every read here costs about the same whatever
 * the number of participants: index range scans bounded by a limit, or at most 8 x 255
 * rank-tree rows.
 */
@Repository
class Participants {

	/** Scores are capped here so that a score and 23 bits of time fit in one bigint. */
	static final long MAX_SCORE = (1L << 40) - 1;

	static final int TIME_BITS = 23;

	static final long MAX_SECONDS = (1L << TIME_BITS) - 1;

	private final JdbcClient jdbc;

	Participants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ranking key: lower is better. Score descending in the high bits, then the
	 * second (from the event start) at which the score was reached, ascending.
	 */
	static long sortKey(long score, Instant startsAt, Instant reachedAt) {
		long capped = Math.min(Math.max(score, 0), MAX_SCORE);
		long seconds = Math.min(Math.max(Duration.between(startsAt, reachedAt).getSeconds(), 0), MAX_SECONDS);
		return ((MAX_SCORE - capped) << TIME_BITS) | seconds;
	}

	/**
	 * Adds a user to an event with score 0, unless they joined already.
	 * @return the entry, or empty when the user had joined before
	 */
	Optional<Entry> join(Competition competition, UUID userId, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		long key = sortKey(0, competition.startsAt(), at);
		boolean inserted = this.jdbc.sql("""
				INSERT INTO competition_entries (competition_id, user_id, score, sort_key, reached_at, joined_at)
				VALUES (:competitionId, :userId, 0, :key, :at, :at)
				ON CONFLICT (competition_id, user_id) DO NOTHING
				""")
			.param("competitionId", competition.id())
			.param("userId", userId)
			.param("key", key)
			.param("at", Timestamp.from(at))
			.update() == 1;
		if (!inserted) {
			return Optional.empty();
		}
		move(competition.id(), -1, key);
		return Optional.of(new Entry(userId, 0, key, at, at));
	}

	Optional<Entry> find(long competitionId, UUID userId) {
		return this.jdbc.sql("""
				SELECT user_id, score, sort_key, reached_at, joined_at FROM competition_entries
				 WHERE competition_id = :competitionId AND user_id = :userId
				""")
			.param("competitionId", competitionId)
			.param("userId", userId)
			.query(Participants::entry)
			.optional();
	}

	/**
	 * The user's entries in open events of some metrics, locked (entry and event) until
	 * the transaction ends, in event order so that writers lock rank-tree rows in one
	 * global order.
	 */
	List<ScoringEntry> lockOpenEntries(UUID userId, Collection<Metric> metrics, Instant now) {
		return this.jdbc.sql("""
				SELECT c.id AS competition_id, c.metric, c.starts_at, c.ends_at,
				       e.user_id, e.score, e.sort_key, e.reached_at, e.joined_at
				  FROM competition_entries e JOIN competitions c ON c.id = e.competition_id
				 WHERE e.user_id = :userId AND c.metric IN (:metrics) AND c.state = 'open' AND c.ends_at > :now
				 ORDER BY c.id
				   FOR UPDATE OF e FOR SHARE OF c
				""")
			.param("userId", userId)
			.param("metrics", metrics.stream().map(Metric::code).toList())
			.param("now", Timestamp.from(now))
			.query((rs, row) -> new ScoringEntry(rs.getLong("competition_id"),
					Metric.of(rs.getString("metric")).orElseThrow(), rs.getTimestamp("starts_at").toInstant(),
					rs.getTimestamp("ends_at").toInstant(), entry(rs, row)))
			.list();
	}

	/**
	 * Adds to a locked entry's score; the time it was reached becomes now.
	 */
	void addScore(ScoringEntry scoring, long delta, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MICROS);
		long score = Math.min(scoring.entry().score() + delta, MAX_SCORE);
		long key = sortKey(score, scoring.startsAt(), at);
		this.jdbc.sql("""
				UPDATE competition_entries SET score = :score, sort_key = :key, reached_at = :at
				 WHERE competition_id = :competitionId AND user_id = :userId
				""")
			.param("score", score)
			.param("key", key)
			.param("at", Timestamp.from(at))
			.param("competitionId", scoring.competitionId())
			.param("userId", scoring.entry().userId())
			.update();
		if (key != scoring.entry().sortKey()) {
			move(scoring.competitionId(), scoring.entry().sortKey(), key);
		}
	}

	/**
	 * Moves one entry in the rank tree from one key to another ({@code -1}: a new entry).
	 * Only the levels where the path changes are written, in (level DESC, prefix) order.
	 */
	private void move(long competitionId, long oldKey, long newKey) {
		this.jdbc.sql("""
				INSERT INTO competition_rank_nodes (competition_id, level, prefix, entries)
				SELECT :competitionId, changed.level, changed.prefix, sum(changed.delta)
				  FROM (SELECT l.level, (:newKey >> (8 * l.level)) AS prefix, 1 AS delta
				          FROM generate_series(0, 7) AS l(level)
				         WHERE :oldKey < 0 OR (:oldKey >> (8 * l.level)) <> (:newKey >> (8 * l.level))
				        UNION ALL
				        SELECT l.level, (:oldKey >> (8 * l.level)), -1
				          FROM generate_series(0, 7) AS l(level)
				         WHERE :oldKey >= 0 AND (:oldKey >> (8 * l.level)) <> (:newKey >> (8 * l.level))) AS changed
				 GROUP BY changed.level, changed.prefix
				 ORDER BY changed.level DESC, changed.prefix
				ON CONFLICT (competition_id, level, prefix)
				DO UPDATE SET entries = competition_rank_nodes.entries + excluded.entries
				""").param("competitionId", competitionId).param("oldKey", oldKey).param("newKey", newKey).update();
	}

	/**
	 * The rank of an entry: 1 + the entries ahead of it. Those are the tree nodes left of
	 * its path at each level (at most 8 x 255 rows), plus the entries with the very same
	 * key (same score reached in the same second) that reached it earlier.
	 */
	long rankOf(long competitionId, Entry entry) {
		return 1 + this.jdbc.sql("""
				SELECT (SELECT coalesce(sum(n.entries), 0)
				          FROM generate_series(0, 7) AS l(level)
				          JOIN competition_rank_nodes n
				            ON n.competition_id = :competitionId AND n.level = l.level
				           AND n.prefix >= (((:key >> (8 * l.level)) >> 8) << 8)
				           AND n.prefix < (:key >> (8 * l.level)))
				     + (SELECT count(*) FROM competition_entries e
				         WHERE e.competition_id = :competitionId AND e.sort_key = :key
				           AND (e.reached_at, e.user_id) < (:reachedAt, :userId))
				""")
			.param("competitionId", competitionId)
			.param("key", entry.sortKey())
			.param("reachedAt", Timestamp.from(entry.reachedAt()))
			.param("userId", entry.userId())
			.query(Long.class)
			.single();
	}

	/**
	 * Entries in ranking order after a position ({@code null}: from the top).
	 */
	List<Entry> after(long competitionId, Entry position, int limit) {
		if (position == null) {
			return this.jdbc.sql("""
					SELECT user_id, score, sort_key, reached_at, joined_at FROM competition_entries
					 WHERE competition_id = :competitionId
					 ORDER BY sort_key, reached_at, user_id
					 LIMIT :limit
					""").param("competitionId", competitionId).param("limit", limit).query(Participants::entry).list();
		}
		return this.jdbc.sql("""
				SELECT user_id, score, sort_key, reached_at, joined_at FROM competition_entries
				 WHERE competition_id = :competitionId
				   AND (sort_key, reached_at, user_id) > (:key, :reachedAt, :userId)
				 ORDER BY sort_key, reached_at, user_id
				 LIMIT :limit
				""")
			.param("competitionId", competitionId)
			.param("key", position.sortKey())
			.param("reachedAt", Timestamp.from(position.reachedAt()))
			.param("userId", position.userId())
			.param("limit", limit)
			.query(Participants::entry)
			.list();
	}

	/**
	 * Entries just ahead of a position, nearest first.
	 */
	List<Entry> before(long competitionId, Entry position, int limit) {
		return this.jdbc.sql("""
				SELECT user_id, score, sort_key, reached_at, joined_at FROM competition_entries
				 WHERE competition_id = :competitionId
				   AND (sort_key, reached_at, user_id) < (:key, :reachedAt, :userId)
				 ORDER BY sort_key DESC, reached_at DESC, user_id DESC
				 LIMIT :limit
				""")
			.param("competitionId", competitionId)
			.param("key", position.sortKey())
			.param("reachedAt", Timestamp.from(position.reachedAt()))
			.param("userId", position.userId())
			.param("limit", limit)
			.query(Participants::entry)
			.list();
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		return new Entry(rs.getObject("user_id", UUID.class), rs.getLong("score"), rs.getLong("sort_key"),
				rs.getTimestamp("reached_at").toInstant(), rs.getTimestamp("joined_at").toInstant());
	}

	/**
	 * A participant of an event.
	 *
	 * @param userId the user
	 * @param score the score
	 * @param sortKey the ranking key
	 * @param reachedAt when the score was reached
	 * @param joinedAt when the user joined
	 */
	record Entry(UUID userId, long score, long sortKey, Instant reachedAt, Instant joinedAt) {

	}

	/**
	 * An entry locked for a score change, with its event's window.
	 *
	 * @param competitionId the event
	 * @param metric what the event counts
	 * @param startsAt the event start
	 * @param endsAt the event end
	 * @param entry the entry
	 */
	record ScoringEntry(long competitionId, Metric metric, Instant startsAt, Instant endsAt, Entry entry) {

	}

}
