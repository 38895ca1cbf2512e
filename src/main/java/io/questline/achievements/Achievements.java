package io.questline.achievements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The achievements' SQL: the catalog, the per-user counters and the claims.
 */
@Repository
class Achievements {

	private final JdbcClient jdbc;

	Achievements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts or updates a definition; a row that already says the same is left alone.
	 * @return whether a row was written
	 */
	boolean upsert(Achievement achievement, int position, int version, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO achievements (code, name, description, metric, threshold, reward, position, version,
				                          updated_at)
				VALUES (:code, :name, :description, :metric, :threshold, :reward, :position, :version, :now)
				ON CONFLICT (code) DO UPDATE
				   SET name = excluded.name, description = excluded.description, metric = excluded.metric,
				       threshold = excluded.threshold, reward = excluded.reward, position = excluded.position,
				       version = excluded.version, updated_at = excluded.updated_at
				 WHERE (achievements.name, achievements.description, achievements.metric, achievements.threshold,
				        achievements.reward, achievements.position, achievements.version)
				       IS DISTINCT FROM
				       (excluded.name, excluded.description, excluded.metric, excluded.threshold, excluded.reward,
				        excluded.position, excluded.version)
				""")
			.param("code", achievement.code())
			.param("name", achievement.name())
			.param("description", achievement.description())
			.param("metric", achievement.metric())
			.param("threshold", achievement.threshold())
			.param("reward", achievement.reward())
			.param("position", position)
			.param("version", version)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<Achievement> findAll() {
		return this.jdbc.sql("""
				SELECT code, name, description, metric, threshold, reward FROM achievements ORDER BY position, code
				""").query(Achievement.class).list();
	}

	Optional<Achievement> find(String code) {
		return this.jdbc.sql("""
				SELECT code, name, description, metric, threshold, reward FROM achievements WHERE code = :code
				""").param("code", code).query(Achievement.class).optional();
	}

	/**
	 * Adds to a counter, creating it at the amount.
	 */
	void add(UUID userId, Metric metric, long amount, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO achievement_counters (user_id, metric, value, updated_at) VALUES (:userId, :metric, :amount, :now)
					ON CONFLICT (user_id, metric) DO UPDATE
					   SET value = achievement_counters.value + excluded.value, updated_at = excluded.updated_at
					""")
			.param("userId", userId)
			.param("metric", metric.code())
			.param("amount", amount)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Raises a counter to a value if it is below it (for metrics the source reports as a
	 * total: sessions completed, longest streak), so a repeated event changes nothing.
	 */
	void raiseTo(UUID userId, Metric metric, long value, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO achievement_counters (user_id, metric, value, updated_at) VALUES (:userId, :metric, :value, :now)
					ON CONFLICT (user_id, metric) DO UPDATE
					   SET value = excluded.value, updated_at = excluded.updated_at
					 WHERE achievement_counters.value < excluded.value
					""")
			.param("userId", userId)
			.param("metric", metric.code())
			.param("value", value)
			.param("now", Timestamp.from(now))
			.update();
	}

	long counter(UUID userId, String metric) {
		return this.jdbc.sql("SELECT value FROM achievement_counters WHERE user_id = :userId AND metric = :metric")
			.param("userId", userId)
			.param("metric", metric)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	Map<String, Long> counters(UUID userId) {
		return this.jdbc.sql("SELECT metric, value FROM achievement_counters WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> Map.entry(rs.getString("metric"), rs.getLong("value")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	Map<String, Instant> claims(UUID userId) {
		return this.jdbc.sql("SELECT code, claimed_at FROM achievement_claims WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> Map.entry(rs.getString("code"), rs.getTimestamp("claimed_at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Records a claim unless there is one. Concurrent claims of the same achievement wait
	 * on each other here; only the first inserts.
	 * @return whether this call recorded it
	 */
	boolean insertClaim(UUID userId, String code, long reward, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO achievement_claims (user_id, code, reward, claimed_at) VALUES (:userId, :code, :reward, :now)
					ON CONFLICT (user_id, code) DO NOTHING
					""")
			.param("userId", userId)
			.param("code", code)
			.param("reward", reward)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * The achievements a user has reached but not claimed, best reward first.
	 */
	List<Achievement> claimable(UUID userId) {
		return this.jdbc.sql("""
				SELECT a.code, a.name, a.description, a.metric, a.threshold, a.reward
				  FROM achievement_counters c
				  JOIN achievements a ON a.metric = c.metric AND a.threshold <= c.value
				 WHERE c.user_id = :userId
				   AND NOT EXISTS (SELECT 1 FROM achievement_claims cl WHERE cl.user_id = :userId AND cl.code = a.code)
				 ORDER BY a.reward DESC, a.position, a.code
				""").param("userId", userId).query(Achievement.class).list();
	}

}
