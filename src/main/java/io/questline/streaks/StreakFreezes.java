package io.questline.streaks;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streak freezes held by a user (at most {@value #MAX_HELD}): bought with coins or money,
 * used up automatically on a missed day, taken back by a refund while unused.
 */
@Service
public class StreakFreezes {

	public static final int MAX_HELD = 2;

	private final JdbcClient jdbc;

	private final Clock clock;

	StreakFreezes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Gives a user one freeze, inside the caller's transaction (which pays for it).
	 * @throws FreezeLimitReachedException when the user already holds the most allowed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void grant(UUID userId) {
		int updated = this.jdbc.sql("""
				INSERT INTO streaks (user_id, freezes, updated_at) VALUES (:id, 1, :now)
				ON CONFLICT (user_id) DO UPDATE SET freezes = streaks.freezes + 1, updated_at = excluded.updated_at
				 WHERE streaks.freezes < :max
				""")
			.param("id", userId)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("max", MAX_HELD)
			.update();
		if (updated == 0) {
			throw new FreezeLimitReachedException();
		}
	}

	/**
	 * Takes back one unused freeze, if the user still holds one.
	 * @return whether a freeze was taken back
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean revoke(UUID userId) {
		return this.jdbc.sql("""
				UPDATE streaks SET freezes = freezes - 1, updated_at = :now WHERE user_id = :id AND freezes > 0
				""").param("id", userId).param("now", Timestamp.from(this.clock.instant())).update() == 1;
	}

	/**
	 * How many freezes a user holds.
	 */
	public int held(UUID userId) {
		return this.jdbc.sql("SELECT freezes FROM streaks WHERE user_id = :id")
			.param("id", userId)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/**
	 * The user already holds as many freezes as allowed.
	 */
	public static class FreezeLimitReachedException extends ApiException {

		public FreezeLimitReachedException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "FREEZE_LIMIT_REACHED",
					"You already hold " + MAX_HELD + " streak freezes, the most allowed.");
		}

	}

}
