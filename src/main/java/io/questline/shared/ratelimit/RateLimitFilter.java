package io.questline.shared.ratelimit;

import java.io.IOException;
import java.util.Set;

import io.questline.shared.security.ClientAddress;
import io.questline.shared.web.Problems;
import io.questline.shared.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies a policy to every request, keyed by the user when a valid bearer token comes
 * with it and by the client address otherwise, and answers with the IETF
 * {@code RateLimit-Policy} and {@code RateLimit} headers. Runs in the security chain
 * before authentication so that even refused tokens are counted.
 */
public class RateLimitFilter extends OncePerRequestFilter {

	private static final Set<String> AUTH_PATHS = Set.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh");

	private final RateLimitStore store;

	private final RateLimitProperties properties;

	private final JwtDecoder tokens;

	private final ClientAddress addresses;

	private final ProblemWriter problems;

	public RateLimitFilter(RateLimitStore store, RateLimitProperties properties, JwtDecoder tokens,
			ClientAddress addresses, ProblemWriter problems) {
		this.store = store;
		this.properties = properties;
		this.tokens = tokens;
		this.addresses = addresses;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RatePolicy policy = this.properties.policy(policyName(request));
		String caller = isPerAddress(policy) ? null : user(request);
		String key = policy.name() + ":" + ((caller != null) ? "user:" + caller : "ip:" + this.addresses.of(request));
		RateLimitStore.Consumption consumption = this.store.tryConsume(key, policy);
		response.setHeader("RateLimit-Policy", policy.header());
		response.setHeader("RateLimit",
				"\"" + policy.name() + "\";r=" + consumption.remaining() + ";t=" + consumption.resetSeconds());
		if (!consumption.allowed()) {
			response.setHeader("Retry-After", String.valueOf(consumption.retryAfterSeconds()));
			this.problems.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
					"Too many requests. Try again in " + consumption.retryAfterSeconds() + " s."));
			return;
		}
		chain.doFilter(request, response);
	}

	static String policyName(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (AUTH_PATHS.contains(path)) {
			return "auth";
		}
		if (path.equals("/api/webhooks/stripe")) {
			return "webhook";
		}
		if (path.startsWith("/api/admin/")) {
			return "admin";
		}
		if ("POST".equals(request.getMethod())) {
			return "write";
		}
		return "read";
	}

	private static boolean isPerAddress(RatePolicy policy) {
		return "auth".equals(policy.name()) || "webhook".equals(policy.name());
	}

	private String user(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		try {
			return this.tokens.decode(header.substring(7).trim()).getSubject();
		}
		catch (JwtException ex) {
			return null;
		}
	}

}
