package io.questline.referrals;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitee completed a first mining session and both sides were paid the referral
 * reward (once per invitee). Published inside the transaction that settled the session.
 *
 * @param referrerId who invited
 * @param inviteeId who was invited
 * @param reward millicoins paid to each of them
 * @param at when
 */
public record ReferralRewarded(UUID referrerId, UUID inviteeId, long reward, Instant at) {

}
