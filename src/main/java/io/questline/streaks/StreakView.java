package io.questline.streaks;

import java.time.Instant;

/**
 * A user's streak as it stands at an instant: what {@code GET /api/earnings/streak}
 * shows, and what other features (dashboard, recommendations) may read.
 *
 * @param current the streak length, 0 once its deadline has passed
 * @param longest the longest streak ever
 * @param todayCounted whether today (in the user's timezone) already counts
 * @param freezesAvailable streak freezes held
 * @param nextDeadline when the streak is lost, freezes taken into account, or
 * {@code null}
 */
public record StreakView(int current, int longest, boolean todayCounted, int freezesAvailable, Instant nextDeadline) {

}
