package io.questline.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.security.Roles;
import io.questline.shared.security.UserAuthentication;

import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a checked access token into the caller, with role and ban read from the database
 * (not from the token). The answer is cached per user for a few seconds at most, and a
 * ban or role change on this instance evicts it at once; other instances see it within
 * the cache time.
 */
@Component
class UserAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	static final Duration CACHE_TIME = Duration.ofSeconds(3);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConcurrentMap<UUID, Cached> cache = new ConcurrentHashMap<>();

	UserAuthenticationConverter(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt token) {
		UUID userId = UUID.fromString(token.getSubject());
		Status status = status(userId)
			.orElseThrow(() -> new InvalidBearerTokenException("The token's user does not exist"));
		List<GrantedAuthority> authorities;
		if (status.bannedAt(this.clock.instant())) {
			authorities = List.of(new SimpleGrantedAuthority(Roles.BANNED));
		}
		else if (status.admin()) {
			authorities = List.of(new SimpleGrantedAuthority(Roles.USER), new SimpleGrantedAuthority(Roles.ADMIN));
		}
		else {
			authorities = List.of(new SimpleGrantedAuthority(Roles.USER));
		}
		return new UserAuthentication(new AuthenticatedUser(userId, status.admin()), token, authorities);
	}

	/**
	 * Forgets what is cached of a user, after a ban or a role change.
	 */
	void evict(UUID userId) {
		this.cache.remove(userId);
	}

	private Optional<Status> status(UUID userId) {
		long now = System.nanoTime();
		Cached cached = this.cache.get(userId);
		if (cached != null && now - cached.loadedAt < CACHE_TIME.toNanos()) {
			return Optional.of(cached.status);
		}
		Optional<Status> status = this.jdbc
			.sql("SELECT role = 'ADMIN' AS admin, banned, banned_until FROM users WHERE id = :id")
			.param("id", userId)
			.query((rs, row) -> new Status(rs.getBoolean("admin"), rs.getBoolean("banned"),
					Optional.ofNullable(rs.getTimestamp("banned_until"))
						.map(java.sql.Timestamp::toInstant)
						.orElse(null)))
			.optional();
		status.ifPresentOrElse((found) -> this.cache.put(userId, new Cached(found, now)),
				() -> this.cache.remove(userId));
		if (this.cache.size() > 100_000) {
			this.cache.clear();
		}
		return status;
	}

	record Status(boolean admin, boolean banned, Instant bannedUntil) {

		boolean bannedAt(Instant now) {
			return this.banned && (this.bannedUntil == null || now.isBefore(this.bannedUntil));
		}

	}

	private record Cached(Status status, long loadedAt) {

	}

}
