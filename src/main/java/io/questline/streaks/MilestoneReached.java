package io.questline.streaks;

import java.time.Instant;
import java.util.UUID;

/**
 * A user reached a milestone and was paid its reward (once). Published inside the
 * transaction of the activity that reached it.
 *
 * @param userId the user
 * @param code the milestone
 * @param reward millicoins paid
 * @param at when
 */
public record MilestoneReached(UUID userId, String code, long reward, Instant at) {

}
