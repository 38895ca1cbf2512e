package io.questline.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's own account, as {@code GET /api/user/profile} shows it.
 *
 * @param id the user id
 * @param email the email as registered
 * @param displayName the public name
 * @param bio free text, or {@code null}
 * @param avatarUrl an https URL, never fetched by the server, or {@code null}
 * @param role {@code USER} or {@code ADMIN}
 * @param balance the coin balance in millicoins
 * @param referralCode the user's stable referral code
 * @param settings the user's settings
 * @param createdAt when the account was made
 */
record Profile(UUID id, String email, String displayName, String bio, String avatarUrl, String role, long balance,
		String referralCode, Settings settings, Instant createdAt) {

	Profile withBalance(long balance) {
		return new Profile(this.id, this.email, this.displayName, this.bio, this.avatarUrl, this.role, balance,
				this.referralCode, this.settings, this.createdAt);
	}

	/**
	 * A user's settings.
	 *
	 * @param timezone an IANA zone id; days (streaks, daily tasks) are counted in it
	 * @param locale a BCP 47 language tag
	 * @param notifications whether the user wants notifications
	 * @param leaderboardVisible whether others see the user on leaderboards
	 */
	record Settings(String timezone, String locale, boolean notifications, boolean leaderboardVisible) {

	}

}
