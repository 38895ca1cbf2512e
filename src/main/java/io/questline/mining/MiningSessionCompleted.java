package io.questline.mining;

import java.time.Instant;
import java.util.UUID;

/**
 * A mining session was settled and its coins credited, exactly once. Published inside the
 * settling transaction.
 *
 * @param userId the miner
 * @param sessionId the session
 * @param credited millicoins credited
 * @param startedAt when the session started
 * @param endedAt when it stopped earning ({@code min(end request, endsAt)})
 * @param completedSessions how many sessions the user has completed, this one included
 */
public record MiningSessionCompleted(UUID userId, long sessionId, long credited, Instant startedAt, Instant endedAt,
		long completedSessions) {

}
