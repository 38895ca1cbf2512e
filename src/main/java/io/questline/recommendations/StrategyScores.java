package io.questline.recommendations;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The learned counts per strategy and segment.
 */
@Repository
class StrategyScores {

	private final JdbcClient jdbc;

	StrategyScores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, StrategyRanker.Votes> of(String segment, Collection<String> strategies) {
		Map<String, StrategyRanker.Votes> votes = new HashMap<>();
		if (strategies.isEmpty()) {
			return votes;
		}
		this.jdbc.sql("""
				SELECT strategy, helpful, unhelpful FROM recommendation_scores
				 WHERE segment = :segment AND strategy IN (:strategies)
				""").param("segment", segment).param("strategies", strategies).query((rs) -> {
			votes.put(rs.getString("strategy"),
					new StrategyRanker.Votes(rs.getLong("helpful"), rs.getLong("unhelpful")));
		});
		return votes;
	}

	/**
	 * Moves the counts of one arm (by -1, 0 or +1 each).
	 */
	void add(String strategy, String segment, int helpful, int unhelpful) {
		this.jdbc.sql("""
				INSERT INTO recommendation_scores (strategy, segment, helpful, unhelpful)
				VALUES (:strategy, :segment, GREATEST(:helpful, 0), GREATEST(:unhelpful, 0))
				ON CONFLICT (strategy, segment) DO UPDATE
				   SET helpful = recommendation_scores.helpful + :helpful,
				       unhelpful = recommendation_scores.unhelpful + :unhelpful
				""")
			.param("strategy", strategy)
			.param("segment", segment)
			.param("helpful", helpful)
			.param("unhelpful", unhelpful)
			.update();
	}

}
