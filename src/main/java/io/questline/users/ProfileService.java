package io.questline.users;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own profile and settings. Every method works on the caller's id only: no
 * endpoint takes a user id for the caller's own data.
 */
@Service
class ProfileService {

	static final int MAX_AVATAR_URL_LENGTH = 2048;

	private final Users users;

	private final Ledger ledger;

	private final Clock clock;

	ProfileService(Users users, Ledger ledger, Clock clock) {
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Profile profile(UUID userId) {
		Profile profile = this.users.profile(userId).orElseThrow(() -> new IllegalStateException("No such user"));
		return profile.withBalance(this.ledger.balanceOf(userId));
	}

	/**
	 * Changes what is given; an empty {@code bio} or {@code avatarUrl} removes it.
	 */
	@Transactional
	Profile update(UUID userId, String displayName, String bio, String avatarUrl) {
		if (displayName != null && displayName.isBlank()) {
			throw new InvalidRequestException("displayName", "must not be blank");
		}
		Users.Change bioChange = (bio != null) ? new Users.Change(true, bio.isEmpty() ? null : bio) : Users.Change.NONE;
		Users.Change avatarChange = (avatarUrl != null)
				? new Users.Change(true, avatarUrl.isEmpty() ? null : checkedAvatarUrl(avatarUrl)) : Users.Change.NONE;
		this.users.updateProfile(userId, displayName, bioChange, avatarChange, this.clock.instant());
		return profile(userId);
	}

	@Transactional
	Profile.Settings updateSettings(UUID userId, String timezone, String locale, Boolean notifications,
			Boolean leaderboardVisible) {
		return this.users
			.updateSettings(userId, (timezone != null) ? checkedZone(timezone) : null,
					(locale != null) ? checkedLocale(locale) : null, notifications, leaderboardVisible,
					this.clock.instant())
			.orElseThrow(() -> new IllegalStateException("No such user"));
	}

	/**
	 * An https URL with a host, no user-info. It is only ever handed to clients, never
	 * fetched here (no SSRF).
	 */
	static String checkedAvatarUrl(String value) {
		if (value.length() > MAX_AVATAR_URL_LENGTH) {
			throw new InvalidRequestException("avatarUrl", "must be at most " + MAX_AVATAR_URL_LENGTH + " characters");
		}
		try {
			URI uri = new URI(value);
			if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()
					|| uri.getRawUserInfo() != null || !value.startsWith("https://")) {
				throw new InvalidRequestException("avatarUrl", "must be an https URL with a host");
			}
			return value;
		}
		catch (URISyntaxException ex) {
			throw new InvalidRequestException("avatarUrl", "is not a valid URL");
		}
	}

	/**
	 * A region id such as {@code Europe/Paris} (or {@code UTC}); offsets such as
	 * {@code +05:00} are refused because they ignore daylight saving.
	 */
	static String checkedZone(String value) {
		if (!ZoneId.getAvailableZoneIds().contains(value)) {
			throw new InvalidRequestException("timezone", "must be an IANA time zone id such as Europe/Paris");
		}
		return value;
	}

	/**
	 * A well-formed BCP 47 tag, stored in its canonical form ({@code en-us} becomes
	 * {@code en-US}).
	 */
	static String checkedLocale(String value) {
		try {
			Locale locale = new Locale.Builder().setLanguageTag(value).build();
			String tag = locale.toLanguageTag();
			if (value.isEmpty() || "und".equals(tag)) {
				throw new InvalidRequestException("locale", "must be a BCP 47 language tag such as en-US");
			}
			return tag;
		}
		catch (IllformedLocaleException ex) {
			throw new InvalidRequestException("locale", "must be a BCP 47 language tag such as en-US");
		}
	}

}
