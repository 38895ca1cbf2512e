package io.questline.users;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.questline.shared.audit.AuditLog;
import io.questline.shared.web.InvalidRequestException;
import io.questline.shared.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bans and lifts bans. A ban revokes every refresh token of the user and, once committed,
 * drops the user from the authentication cache of this instance, so access tokens already
 * issued stop working at once here (other instances: within the cache time).
 */
@Service
class UserBans {

	private final Users users;

	private final RefreshTokens refreshTokens;

	private final AuditLog audit;

	private final UserAuthenticationConverter authentications;

	private final TransactionTemplate transactions;

	private final Clock clock;

	UserBans(Users users, RefreshTokens refreshTokens, AuditLog audit, UserAuthenticationConverter authentications,
			TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.audit = audit;
		this.authentications = authentications;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Bans a user ({@code banned} true) or lifts their ban, and records it in the audit
	 * log in the same transaction.
	 * @param adminId the admin doing it
	 * @param userId the user
	 * @param banned whether to ban or to lift the ban
	 * @param reason why, for the audit log (and shown to admins)
	 * @param until when the ban ends by itself, or {@code null} for no end
	 * @return the user after the change
	 */
	AdminUser ban(UUID adminId, UUID userId, boolean banned, String reason, Instant requestedUntil) {
		Instant now = this.clock.instant();
		// PostgreSQL keeps microseconds (and rounds): truncate first so that what is
		// stored,
		// answered and audited is one instant.
		Instant until = (requestedUntil != null) ? requestedUntil.truncatedTo(ChronoUnit.MICROS) : null;
		if (until != null && !banned) {
			throw new InvalidRequestException("until", "only goes with banned: true");
		}
		if (until != null && !until.isAfter(now)) {
			throw new InvalidRequestException("until", "must be in the future");
		}
		String action = banned ? "users.ban" : "users.unban";
		String target = "user:" + userId;
		if (adminId.equals(userId)) {
			// Refused attempts are recorded too: the log answers "who tried what".
			this.transactions.executeWithoutResult((status) -> this.audit.record(adminId, action, target, reason,
					"refused", Map.of("problem", "CANNOT_BAN_SELF")));
			throw new SelfBanException();
		}
		AdminUser user = this.transactions.execute((status) -> {
			Optional<AdminUser> changed = this.users.setBan(userId, banned, reason, until, now);
			if (changed.isEmpty()) {
				this.audit.record(adminId, action, target, reason, "refused", Map.of("problem", "NOT_FOUND"));
				return null;
			}
			int revoked = banned ? this.refreshTokens.revokeAll(userId, now) : 0;
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("banned", banned);
			if (until != null) {
				details.put("until", until.toString());
			}
			details.put("refreshTokensRevoked", revoked);
			this.audit.record(adminId, action, target, reason, "success", details);
			return changed.get();
		});
		if (user == null) {
			throw new NotFoundException("User");
		}
		// After the commit, so that no request reloads the old state into the cache in
		// between.
		this.authentications.evict(userId);
		return user;
	}

}
