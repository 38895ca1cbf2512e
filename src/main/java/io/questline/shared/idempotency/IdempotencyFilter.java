package io.questline.shared.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.security.ClientAddress;
import io.questline.shared.web.BodyLimitFilter;
import io.questline.shared.web.Problems;
import io.questline.shared.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every {@code POST /api/**} with an {@code Idempotency-Key} safe to repeat: the
 * first response (any status below 500) is stored for 24 h and replayed, marked
 * {@code Idempotent-Replayed: true}; the same key with another body is 422; a repeat
 * while the first is still running is 409. Keys are scoped to the caller, so two users
 * never share one. Runs in the security chain after authorization, so only allowed
 * requests reach it.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private static final Duration TTL = Duration.ofHours(24);

	private static final Duration STALE_AFTER = Duration.ofMinutes(5);

	private final IdempotencyKeys keys;

	private final ClientAddress addresses;

	private final ProblemWriter problems;

	private final Clock clock;

	IdempotencyFilter(IdempotencyKeys keys, ClientAddress addresses, ProblemWriter problems, Clock clock) {
		this.keys = keys;
		this.addresses = addresses;
		this.problems = problems;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		if (!VALID_KEY.matcher(key).matches()) {
			this.problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "INVALID_IDEMPOTENCY_KEY",
					"Idempotency-Key must be 1-255 visible ASCII characters."));
			return;
		}
		String scope = scope(request);
		String hash = hash(request);
		if (!this.keys.claim(scope, key, hash, this.clock.instant(), TTL, STALE_AFTER)) {
			answerRepeat(response, this.keys.find(scope, key), hash);
			return;
		}
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(request, recorded);
			if (recorded.getStatus() < 500) {
				this.keys.complete(scope, key, recorded.getStatus(), recorded.getContentType(),
						recorded.getContentAsByteArray());
				stored = true;
			}
		}
		finally {
			if (!stored) {
				this.keys.release(scope, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	private void answerRepeat(HttpServletResponse response, Optional<IdempotencyKeys.StoredKey> found, String hash)
			throws IOException {
		if (found.isEmpty()) {
			// Released between our claim and our read: the first attempt failed; let the
			// client retry.
			this.problems.write(response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
					"A request with this Idempotency-Key is being processed. Retry shortly."));
			return;
		}
		IdempotencyKeys.StoredKey stored = found.get();
		if (!stored.requestHash().equals(hash)) {
			this.problems.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was used with a different request."));
			return;
		}
		if (!"done".equals(stored.state())) {
			this.problems.write(response, Problems.of(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
					"A request with this Idempotency-Key is being processed. Retry shortly."));
			return;
		}
		response.setStatus(stored.responseStatus());
		if (stored.responseType() != null) {
			response.setContentType(stored.responseType());
		}
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.responseBody() != null && stored.responseBody().length > 0) {
			response.getOutputStream().write(stored.responseBody());
		}
	}

	private String scope(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user) {
			return "user:" + user.id();
		}
		return "ip:" + this.addresses.of(request);
	}

	private static String hash(HttpServletRequest request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) ' ');
			digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
			if (request.getQueryString() != null) {
				digest.update((byte) '?');
				digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
			}
			digest.update((byte) '\n');
			digest.update(BodyLimitFilter.body(request));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
	void deleteExpiredKeys() {
		this.keys.deleteExpired(this.clock.instant());
	}

}
