package io.questline.competitions;

import java.time.Instant;
import java.util.UUID;

/**
 * A user joined a live event (once per event); published inside the joining transaction.
 *
 * @param userId who joined
 * @param eventId the event
 * @param at when
 */
public record EventJoined(UUID userId, long eventId, Instant at) {

}
