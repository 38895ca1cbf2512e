package io.questline.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as admins see them in the list and after a ban.
 *
 * @param id the user id
 * @param email the email as registered
 * @param displayName the public name
 * @param role {@code USER} or {@code ADMIN}
 * @param banned whether a ban is in force now (a ban whose {@code until} has passed is
 * not)
 * @param banReason the reason of the last ban, while the account is marked banned
 * @param bannedUntil when the ban ends by itself, or {@code null} for a ban without end
 * @param createdAt when the account was made
 */
record AdminUser(UUID id, String email, String displayName, String role, boolean banned, String banReason,
		Instant bannedUntil, Instant createdAt) {

}
