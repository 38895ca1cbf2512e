package io.questline.squads;

import java.time.Instant;
import java.util.UUID;

/**
 * A user joined a squad; published inside the joining transaction.
 *
 * @param userId who joined
 * @param squadId the squad
 * @param at when
 */
public record SquadJoined(UUID userId, long squadId, Instant at) {

}
