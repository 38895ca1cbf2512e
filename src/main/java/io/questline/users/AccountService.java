package io.questline.users;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.questline.shared.security.AccessTokens;
import io.questline.shared.web.InvalidRequestException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, login, refresh-token rotation and logout. Password hashing happens
 * outside the database transactions: it is the slow part and needs no connection.
 */
@Service
class AccountService {

	static final int MAX_EMAIL_LENGTH = 254;

	// Deliberately simple: one @, no spaces, a dot in the domain. Whether the address
	// works is for a confirmation mail to tell, not for a regular expression.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final String REFERRAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final int REFERRAL_CODE_LENGTH = 8;

	private static final SecureRandom random = new SecureRandom();

	private final Users users;

	private final RefreshTokens refreshTokens;

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final AccessTokens accessTokens;

	private final ProfileService profiles;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final UsersProperties properties;

	private final Clock clock;

	AccountService(Users users, RefreshTokens refreshTokens, Passwords passwords, PasswordPolicy policy,
			AccessTokens accessTokens, ProfileService profiles, ApplicationEventPublisher events,
			TransactionTemplate transactions, UsersProperties properties, Clock clock) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.policy = policy;
		this.accessTokens = accessTokens;
		this.profiles = profiles;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Makes an account and logs it in. {@link UserRegistered} is published inside the
	 * transaction: a listener that refuses (an unknown referral code) undoes it all.
	 */
	Session register(String email, String password, String displayName, String referralCode) {
		String normalized = UsersProperties.normalize(email);
		if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
			throw new InvalidRequestException("email", "is not an email address");
		}
		if (displayName.isBlank()) {
			throw new InvalidRequestException("displayName", "must not be blank");
		}
		this.policy.check(password, normalized, displayName);
		String code = (referralCode == null || referralCode.isBlank()) ? null : referralCode.trim();
		if (this.users.emailTaken(normalized)) {
			throw new EmailTakenException();
		}
		String hash = this.passwords.hash(password);
		String role = this.properties.normalizedAdminEmails().contains(normalized) ? "ADMIN" : "USER";
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			UUID userId = insert(email.trim(), normalized, hash, displayName, role, now);
			this.events.publishEvent(new UserRegistered(userId, code, now));
			return startSession(userId, UUID.randomUUID(), now);
		});
	}

	/**
	 * Logs in. An unknown email and a wrong password get the same answer after the same
	 * work; a ban is told only to whoever knows the password.
	 */
	Session login(String email, String password) {
		String normalized = UsersProperties.normalize(email);
		Optional<Users.Credentials> found = this.users.credentials(normalized);
		if (found.isEmpty()) {
			this.passwords.matchNothing(password);
			throw new InvalidCredentialsException();
		}
		Users.Credentials credentials = found.get();
		if (!this.passwords.matches(password, credentials.passwordHash())) {
			throw new InvalidCredentialsException();
		}
		if (credentials.bannedAt(this.clock.instant())) {
			throw new AccountBannedException();
		}
		return this.transactions
			.execute((status) -> startSession(credentials.id(), UUID.randomUUID(), this.clock.instant()));
	}

	/**
	 * Trades a refresh token for a new pair. The token presented is used up; presenting a
	 * used token again means it was copied, so its whole family is revoked (and that
	 * revocation commits even though the answer is 401).
	 */
	Tokens refresh(String refreshToken) {
		Refreshed refreshed = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			Optional<RefreshTokens.Stored> found = this.refreshTokens.lock(refreshToken);
			if (found.isEmpty()) {
				return Refreshed.REFUSED;
			}
			RefreshTokens.Stored stored = found.get();
			Optional<Users.Credentials> user = this.users.credentials(stored.userId());
			if (user.isEmpty()) {
				return Refreshed.REFUSED;
			}
			if (user.get().bannedAt(now)) {
				return Refreshed.BANNED;
			}
			if (stored.revoked() || !now.isBefore(stored.expiresAt())) {
				return Refreshed.REFUSED;
			}
			if (stored.used()) {
				this.refreshTokens.revokeFamily(stored.familyId(), now);
				return Refreshed.REFUSED;
			}
			this.refreshTokens.markUsed(stored.id(), now);
			return new Refreshed(tokens(stored.userId(), stored.familyId(), now), false);
		});
		if (refreshed.banned()) {
			throw new AccountBannedException();
		}
		if (refreshed.tokens() == null) {
			throw new InvalidRefreshTokenException();
		}
		return refreshed.tokens();
	}

	/**
	 * Ends the session a refresh token belongs to, if it is the caller's. Anything else
	 * is ignored silently, so that logout tells nothing about other people's tokens.
	 */
	void logout(UUID userId, String refreshToken) {
		this.transactions.executeWithoutResult(
				(status) -> this.refreshTokens.revokeFamilyOf(refreshToken, userId, this.clock.instant()));
	}

	private UUID insert(String email, String normalized, String hash, String displayName, String role, Instant now) {
		// A collision of two random 8-character codes is rare; a few tries make it
		// vanishingly so. A taken email ends the loop at once.
		for (int attempt = 0; attempt < 10; attempt++) {
			Users.NewUser user = new Users.NewUser(email, normalized, hash, displayName, role, newReferralCode());
			Optional<UUID> id = this.users.insert(user, now);
			if (id.isPresent()) {
				return id.get();
			}
			if (this.users.emailTaken(normalized)) {
				throw new EmailTakenException();
			}
		}
		throw new IllegalStateException("Could not find a free referral code");
	}

	private Session startSession(UUID userId, UUID familyId, Instant now) {
		Tokens tokens = tokens(userId, familyId, now);
		return new Session(this.profiles.profile(userId), tokens);
	}

	private Tokens tokens(UUID userId, UUID familyId, Instant now) {
		AccessTokens.AccessToken access = this.accessTokens.mint(userId);
		String refresh = this.refreshTokens.issue(userId, familyId, now, now.plus(this.properties.refreshTokenTtl()));
		return new Tokens(access.value(), refresh, access.expiresIn());
	}

	static String newReferralCode() {
		StringBuilder code = new StringBuilder(REFERRAL_CODE_LENGTH);
		for (int i = 0; i < REFERRAL_CODE_LENGTH; i++) {
			code.append(REFERRAL_ALPHABET.charAt(random.nextInt(REFERRAL_ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A new pair of tokens.
	 */
	record Tokens(String accessToken, String refreshToken, long expiresIn) {

	}

	/**
	 * A logged-in account and its tokens.
	 */
	record Session(Profile user, Tokens tokens) {

	}

	private record Refreshed(Tokens tokens, boolean banned) {

		static final Refreshed REFUSED = new Refreshed(null, false);

		static final Refreshed BANNED = new Refreshed(null, true);

	}

}
