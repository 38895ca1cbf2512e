package io.questline.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A user completed the last module of a learning path and was paid its bonus (once per
 * user and path). Published inside the completing transaction, after the
 * {@link ModuleCompleted} of that last module.
 *
 * @param userId the user
 * @param pathId the path
 * @param bonus millicoins paid as the path bonus
 * @param at when
 */
public record PathCompleted(UUID userId, String pathId, long bonus, Instant at) {

}
