package io.questline.streaks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A user's streak as stored.
 *
 * @param current days in the running streak as of the last counted day
 * @param longest the longest streak ever, never less than {@code current}
 * @param lastDay the last counted day, in {@code lastZone}; {@code null} before the first
 * @param lastZone the user's timezone when {@code lastDay} was counted
 * @param lastSeenAt the latest activity, counted or not
 * @param freezes streak freezes held
 */
record StreakState(int current, int longest, LocalDate lastDay, ZoneId lastZone, Instant lastSeenAt, int freezes) {

	static StreakState none(int freezes) {
		return new StreakState(0, 0, null, null, null, freezes);
	}

	boolean started() {
		return this.lastDay != null;
	}

}
