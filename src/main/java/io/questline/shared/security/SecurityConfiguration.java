package io.questline.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.questline.shared.idempotency.IdempotencyFilter;
import io.questline.shared.ratelimit.RateLimitFilter;
import io.questline.shared.ratelimit.RateLimitProperties;
import io.questline.shared.ratelimit.RateLimitStore;
import io.questline.shared.web.Problems;
import io.questline.shared.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Stateless bearer-token security: HS256 only, {@code exp}, {@code iss} and {@code aud}
 * checked, roles from the database, CORS from an allowlist, problem responses for 401 and
 * 403, and the rate-limit and idempotency filters in their places in the chain.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SecurityConfiguration.class);

	private static final String[] PUBLIC_API = { "/api/auth/register", "/api/auth/login", "/api/auth/refresh",
			"/api/webhooks/stripe" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder,
			ObjectProvider<Converter<Jwt, AbstractAuthenticationToken>> converter,
			CorsConfigurationSource corsConfigurationSource, RateLimitFilter rateLimits, IdempotencyFilter idempotency,
			ProblemWriter problems) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(response,
					Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "A valid access token is required."));
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			Authentication authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			boolean banned = authentication != null && authentication.getAuthorities()
				.stream()
				.anyMatch((authority) -> Roles.BANNED.equals(authority.getAuthority()));
			problems.write(response,
					banned ? Problems.of(HttpStatus.FORBIDDEN, "ACCOUNT_BANNED", "This account is banned.")
							: Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this."));
		};
		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.cors((c) -> c.configurationSource(corsConfigurationSource))
			.headers((headers) -> headers.frameOptions((frame) -> frame.deny())
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_API)
				.permitAll()
				.requestMatchers("/error", "/actuator/health", "/actuator/health/**")
				.permitAll()
				.requestMatchers("/api/admin/**", "/actuator/**")
				.hasAuthority(Roles.ADMIN)
				.requestMatchers("/api/**")
				.hasAnyAuthority(Roles.USER, Roles.ADMIN)
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer((server) -> server.jwt(
					(jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter.getIfAvailable(() -> (token) -> {
						AuthenticatedUser user = new AuthenticatedUser(UUID.fromString(token.getSubject()), false);
						return new UserAuthentication(user, token, List.of(new SimpleGrantedAuthority(Roles.USER)));
					})))
				.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.addFilterAfter(rateLimits, CorsFilter.class)
			.addFilterAfter(idempotency, AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	RateLimitFilter rateLimitFilter(RateLimitStore store, RateLimitProperties properties, JwtDecoder decoder,
			ClientAddress addresses, ProblemWriter problems) {
		return new RateLimitFilter(store, properties, decoder, addresses, problems);
	}

	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(
			RateLimitFilter filter) {
		org.springframework.boot.web.servlet.FilterRegistrationBean<RateLimitFilter> registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	SecretKey jwtKey(SecurityProperties properties) {
		String secret = properties.jwtSecret();
		byte[] bytes;
		if (secret == null || secret.isBlank()) {
			bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			logger.warn("JWT_SECRET is not set: using a random key, so tokens stop working at restart."
					+ " Set JWT_SECRET (32 bytes or more) in production.");
		}
		else {
			bytes = secret.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < 32) {
				throw new IllegalStateException("JWT_SECRET must be at least 32 bytes long for HS256");
			}
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey key, SecurityProperties properties, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
		timestamps.setClock(clock);
		List<OAuth2TokenValidator<Jwt>> validators = List.of(timestamps,
				new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtIssuerValidator(properties.issuer()),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(audience) -> audience != null && audience.contains(properties.audience())),
				new JwtClaimValidator<String>(AccessTokens.TOKEN_USE, AccessTokens.ACCESS::equals),
				new JwtClaimValidator<String>(JwtClaimNames.SUB, SecurityConfiguration::isUuid));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey key) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(key));
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(properties.corsAllowedOrigins());
		api.setAllowedMethods(List.of("GET", "POST"));
		api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"));
		api.setExposedHeaders(
				List.of("RateLimit", "RateLimit-Policy", "Retry-After", "Idempotent-Replayed", "X-Request-Id"));
		api.setAllowCredentials(false);
		api.setMaxAge(600L);
		return (request) -> {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			// Admin endpoints are for server-side tools only: no browser origin is ever
			// allowed.
			if (!path.startsWith("/api/") || path.startsWith("/api/admin/")
					|| properties.corsAllowedOrigins().isEmpty()) {
				return null;
			}
			return api;
		};
	}

	private static boolean isUuid(String value) {
		try {
			return value != null && UUID.fromString(value).toString().equals(value.toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
