package io.questline.referrals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Referral settings.
 *
 * @param reward millicoins paid to the invitee and to the referrer each, when the invitee
 * completes a first mining session
 * @param invitesPerDay invites a user may create per day (in the user's timezone)
 * @param urlBase what an invite URL starts with; the code follows
 * @param bonusPercentPerInvitee mining bonus per invitee mining when a session starts
 * @param maxBonusPercent the most the referral mining bonus adds
 */
@ConfigurationProperties("questline.referrals")
record ReferralProperties(@DefaultValue("5000") long reward, @DefaultValue("20") int invitesPerDay,
		@DefaultValue("https://questline.app/r/") String urlBase, @DefaultValue("25") int bonusPercentPerInvitee,
		@DefaultValue("100") int maxBonusPercent) {

}
