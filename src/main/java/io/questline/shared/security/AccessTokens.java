package io.questline.shared.security;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Mints access tokens: HS256 JWTs with {@code sub}, {@code iss}, {@code aud},
 * {@code iat}, {@code exp}, a unique {@code jti} and {@code token_use=access}. Roles are
 * deliberately not in the token: they are read from the database on every request.
 */
@Component
public class AccessTokens {

	static final String TOKEN_USE = "token_use";

	static final String ACCESS = "access";

	private final JwtEncoder encoder;

	private final SecurityProperties properties;

	private final Clock clock;

	AccessTokens(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Mints an access token for a user.
	 * @param userId the subject
	 * @return the token and its lifetime
	 */
	public AccessToken mint(UUID userId) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.subject(userId.toString())
			.issuer(this.properties.issuer())
			.audience(java.util.List.of(this.properties.audience()))
			.issuedAt(now)
			.expiresAt(now.plus(this.properties.accessTokenTtl()))
			.claim(TOKEN_USE, ACCESS)
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new AccessToken(value, this.properties.accessTokenTtl().toSeconds());
	}

	/**
	 * A signed access token.
	 *
	 * @param value the compact JWT
	 * @param expiresIn its lifetime in seconds
	 */
	public record AccessToken(String value, long expiresIn) {

	}

}
