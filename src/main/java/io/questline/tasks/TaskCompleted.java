package io.questline.tasks;

import java.time.Instant;
import java.util.UUID;

/**
 * A user completed a task and was paid its reward (a streak day counts).
 *
 * @param userId the user
 * @param taskId the task
 * @param reward millicoins paid
 * @param at when
 */
public record TaskCompleted(UUID userId, long taskId, long reward, Instant at) {

}
