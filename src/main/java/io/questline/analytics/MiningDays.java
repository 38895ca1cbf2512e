package io.questline.analytics;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coins mined per user and UTC day ({@code analytics_daily_mining}).
 */
@Repository
class MiningDays {

	private final JdbcClient jdbc;

	MiningDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID userId, LocalDate day, long mined, int sessions) {
		this.jdbc.sql("""
				INSERT INTO analytics_daily_mining (user_id, day, mined, sessions)
				VALUES (:userId, :day, :mined, :sessions)
				ON CONFLICT (user_id, day) DO UPDATE
				   SET mined = analytics_daily_mining.mined + excluded.mined,
				       sessions = analytics_daily_mining.sessions + excluded.sessions
				""")
			.param("userId", userId)
			.param("day", day)
			.param("mined", mined)
			.param("sessions", sessions)
			.update();
	}

	/** What one user mined from a day on (primary key range). */
	long minedSince(UUID userId, LocalDate since) {
		return this.jdbc.sql("""
				SELECT COALESCE(sum(mined), 0) FROM analytics_daily_mining WHERE user_id = :userId AND day >= :since
				""").param("userId", userId).param("since", since).query(Long.class).single();
	}

	/**
	 * Every active user's total from a day on, smallest first (index-only scan of the
	 * window).
	 */
	void totalsSince(LocalDate since, LongConsumer totals) {
		this.jdbc.sql("""
				SELECT sum(mined) AS total FROM analytics_daily_mining
				 WHERE day >= :since
				 GROUP BY user_id
				HAVING sum(mined) > 0
				 ORDER BY total
				""").param("since", since).query((rs) -> {
			totals.accept(rs.getLong("total"));
		});
	}

}
