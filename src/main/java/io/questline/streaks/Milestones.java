package io.questline.streaks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Milestone definitions (seeded as demo content) and the ones each user reached.
 */
@Repository
class Milestones {

	private final JdbcClient jdbc;

	Milestones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Milestone> all() {
		return this.jdbc.sql("""
				SELECT code, name, metric, threshold, reward FROM milestones
				 ORDER BY CASE metric WHEN 'streak_days' THEN 1 WHEN 'coins_mined' THEN 2 ELSE 3 END, threshold
				""").query(Milestone.class).list();
	}

	/**
	 * Milestones of a metric the user has passed but not yet been paid for.
	 */
	List<Milestone> unreached(UUID userId, String metric, long progress) {
		return this.jdbc.sql("""
				SELECT m.code, m.name, m.metric, m.threshold, m.reward FROM milestones m
				 WHERE m.metric = :metric AND m.threshold <= :progress
				   AND NOT EXISTS (SELECT 1 FROM milestones_reached r WHERE r.user_id = :userId AND r.code = m.code)
				 ORDER BY m.threshold
				""")
			.param("metric", metric)
			.param("progress", progress)
			.param("userId", userId)
			.query(Milestone.class)
			.list();
	}

	/**
	 * Records that a user reached a milestone.
	 * @return whether this call recorded it (false when it was already)
	 */
	boolean markReached(UUID userId, Milestone milestone, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO milestones_reached (user_id, code, reached_at, reward) VALUES (:userId, :code, :at, :reward)
				ON CONFLICT (user_id, code) DO NOTHING
				""")
			.param("userId", userId)
			.param("code", milestone.code())
			.param("at", Timestamp.from(at))
			.param("reward", milestone.reward())
			.update() == 1;
	}

	Map<String, Instant> reachedBy(UUID userId) {
		Map<String, Instant> reached = new HashMap<>();
		this.jdbc.sql("SELECT code, reached_at FROM milestones_reached WHERE user_id = :userId")
			.param("userId", userId)
			.query((rs, row) -> reached.put(rs.getString("code"), rs.getTimestamp("reached_at").toInstant()))
			.list();
		return reached;
	}

	/**
	 * A milestone definition.
	 *
	 * @param code its stable code
	 * @param name its display name
	 * @param metric {@code streak_days}, {@code coins_mined} (millicoins) or
	 * {@code sessions_completed}
	 * @param threshold the value of the metric that reaches it
	 * @param reward millicoins paid once when reached
	 */
	record Milestone(String code, String name, String metric, long threshold, long reward) {

	}

}
