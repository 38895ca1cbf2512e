package io.questline.users;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What other features may know of a user.
 *
 * @param id the user id
 * @param displayName the public name
 * @param zone the user's timezone (days, streaks and daily tasks are counted in it)
 * @param leaderboardVisible whether others may see the user on leaderboards
 * @param createdAt when the account was made
 */
public record UserSummary(UUID id, String displayName, ZoneId zone, boolean leaderboardVisible, Instant createdAt) {

}
