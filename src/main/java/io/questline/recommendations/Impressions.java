package io.questline.recommendations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Recommendations as shown: one row per item of a response.
 */
@Repository
class Impressions {

	private final JdbcClient jdbc;

	Impressions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Impression impression) {
		this.jdbc.sql("""
				INSERT INTO recommendation_impressions (id, user_id, strategy, segment, holdout, position,
				                                        expected_gain, shown_at)
				VALUES (:id, :userId, :strategy, :segment, :holdout, :position, :expectedGain, :shownAt)
				""")
			.param("id", impression.id())
			.param("userId", impression.userId())
			.param("strategy", impression.strategy())
			.param("segment", impression.segment())
			.param("holdout", impression.holdout())
			.param("position", impression.position())
			.param("expectedGain", impression.expectedGain())
			.param("shownAt", Timestamp.from(impression.shownAt()))
			.update();
	}

	/**
	 * The caller's impression, locked until the end of the transaction so that votes on
	 * it are counted one after the other.
	 */
	Optional<Shown> lockOwned(UUID id, UUID userId) {
		return this.jdbc.sql("""
				SELECT strategy, segment FROM recommendation_impressions
				 WHERE id = :id AND user_id = :userId
				   FOR UPDATE
				""").param("id", id).param("userId", userId).query(Shown.class).optional();
	}

	/**
	 * A recommendation shown to a user.
	 *
	 * @param id its random id, given to the client
	 * @param userId to whom
	 * @param strategy what
	 * @param segment the user's segment then
	 * @param holdout whether the user got the unlearned order
	 * @param position its place in the list, from 1
	 * @param expectedGain the gain shown
	 * @param shownAt when
	 */
	record Impression(UUID id, UUID userId, String strategy, String segment, boolean holdout, int position,
			long expectedGain, Instant shownAt) {

	}

	/**
	 * What a vote is about.
	 *
	 * @param strategy the strategy shown
	 * @param segment the segment it was shown in
	 */
	record Shown(String strategy, String segment) {

	}

}
