package io.questline.mining;

import java.time.Instant;
import java.util.UUID;

/**
 * A user started a mining session (a streak day counts).
 *
 * @param userId the miner
 * @param sessionId the session
 * @param startedAt when
 */
public record MiningSessionStarted(UUID userId, long sessionId, Instant startedAt) {

}
