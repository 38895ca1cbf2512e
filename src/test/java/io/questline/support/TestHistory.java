package io.questline.support;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a past a test needs straight into the tables, where no endpoint can make it (a
 * streak kept for days before the test began).
 */
public class TestHistory {

	private final JdbcClient jdbc;

	TestHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A streak of {@code days} whose last counted day is {@code lastDay} in the user's
	 * timezone, seen at noon that day.
	 */
	public void streak(UUID userId, int days, LocalDate lastDay, int freezes) {
		this.jdbc.sql("""
				INSERT INTO streaks (user_id, current_days, longest_days, last_day, last_zone, last_seen_at, freezes,
				                     updated_at)
				SELECT u.id, :days, :days, CAST(:lastDay AS date), u.timezone,
				       (CAST(:lastDay AS date) + time '12:00') AT TIME ZONE u.timezone, :freezes, now()
				  FROM users u WHERE u.id = :userId
				""")
			.param("userId", userId)
			.param("days", days)
			.param("lastDay", lastDay)
			.param("freezes", freezes)
			.update();
	}

}
