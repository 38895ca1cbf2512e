package io.questline.streaks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A day counted toward a user's streak (once per day in the user's timezone).
 *
 * @param userId the user
 * @param day the day counted, in the user's timezone
 * @param currentDays the streak length after counting it
 * @param longestDays the longest streak so far
 * @param at when
 */
public record StreakDayCounted(UUID userId, LocalDate day, int currentDays, int longestDays, Instant at) {

}
