package io.questline.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A user completed a learning module (a streak day counts).
 *
 * @param userId the user
 * @param pathId the path
 * @param moduleId the module
 * @param reward millicoins paid
 * @param at when
 */
public record ModuleCompleted(UUID userId, String pathId, String moduleId, long reward, Instant at) {

}
