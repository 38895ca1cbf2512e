package io.questline.shared.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings from the environment.
 *
 * @param jwtSecret {@code JWT_SECRET}, at least 32 bytes; blank makes a random one per
 * start
 * @param issuer the {@code iss} of access tokens
 * @param audience the {@code aud} of access tokens
 * @param accessTokenTtl how long an access token lives
 * @param corsAllowedOrigins {@code CORS_ALLOWED_ORIGINS}: the browser origins allowed to
 * call the API
 * @param trustedProxies addresses of proxies whose {@code X-Forwarded-For} is believed
 */
@ConfigurationProperties("questline.security")
public record SecurityProperties(String jwtSecret, @DefaultValue("questline") String issuer,
		@DefaultValue("questline-app") String audience, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue List<String> corsAllowedOrigins, @DefaultValue List<String> trustedProxies) {

}
