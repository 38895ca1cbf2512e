package io.questline.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A new account exists. Published inside the registration transaction, so a listener that
 * throws rolls the registration back.
 *
 * @param userId the new user
 * @param referralCode the referral code given at registration, or {@code null}
 * @param at when
 */
public record UserRegistered(UUID userId, String referralCode, Instant at) {

}
