package io.questline.recommendations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Votes on recommendations, one per recommendation.
 */
@Repository
class FeedbackVotes {

	private final JdbcClient jdbc;

	FeedbackVotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Boolean> helpful(UUID recommendationId) {
		return this.jdbc.sql("SELECT helpful FROM recommendation_feedback WHERE recommendation_id = :id")
			.param("id", recommendationId)
			.query(Boolean.class)
			.optional();
	}

	void save(UUID recommendationId, UUID userId, boolean helpful, String comment, Instant at) {
		this.jdbc
			.sql("""
					INSERT INTO recommendation_feedback (recommendation_id, user_id, helpful, comment, created_at, updated_at)
					VALUES (:id, :userId, :helpful, :comment, :at, :at)
					ON CONFLICT (recommendation_id) DO UPDATE
					   SET helpful = excluded.helpful, comment = excluded.comment, updated_at = excluded.updated_at
					""")
			.param("id", recommendationId)
			.param("userId", userId)
			.param("helpful", helpful)
			.param("comment", comment)
			.param("at", Timestamp.from(at))
			.update();
	}

}
