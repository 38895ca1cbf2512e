package io.questline.referrals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.questline.shared.web.ApiException;
import io.questline.shared.web.NotFoundException;
import io.questline.users.UserDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a shareable invite (the user's stable code and its URL), at most
 * {@code invitesPerDay} a day in the user's timezone.
 */
@Service
class CreateInviteService {

	private final Referrals referrals;

	private final UserDirectory users;

	private final ReferralProperties properties;

	private final Clock clock;

	CreateInviteService(Referrals referrals, UserDirectory users, ReferralProperties properties, Clock clock) {
		this.referrals = referrals;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Invite create(UUID userId, String channel) {
		Instant now = this.clock.instant();
		LocalDate day = now.atZone(this.users.zoneOf(userId)).toLocalDate();
		if (this.properties.invitesPerDay() < 1
				|| !this.referrals.countInvite(userId, day, this.properties.invitesPerDay())) {
			throw new ReferralLimitReachedException(this.properties.invitesPerDay());
		}
		String code = this.referrals.codeOf(userId).orElseThrow(() -> new NotFoundException("User"));
		this.referrals.insertInvite(userId, code, channel, now);
		String url = this.properties.urlBase() + URLEncoder.encode(code, StandardCharsets.UTF_8);
		return new Invite(code, url, channel, now);
	}

	/**
	 * A shareable invite.
	 *
	 * @param code the user's referral code
	 * @param url where a friend registers with it
	 * @param channel where the user means to share it, or {@code null}
	 * @param createdAt when it was made
	 */
	record Invite(String code, String url, String channel, Instant createdAt) {

	}

	/**
	 * The user made as many invites today as allowed. 422 rather than 429: it is a
	 * business limit with its own code, not the transport rate limit.
	 */
	static class ReferralLimitReachedException extends ApiException {

		ReferralLimitReachedException(int limit) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "REFERRAL_LIMIT_REACHED",
					"You can create " + limit + " invites a day. Try again tomorrow.");
		}

	}

}
