package io.questline.users;

import io.questline.shared.web.ProblemResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.web.Cursor;
import io.questline.shared.web.InvalidRequestException;
import io.questline.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: the users list and bans. {@code /api/admin/**} needs the role ADMIN (checked by
 * the security chain from the database).
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminUserController {

	static final int MAX_QUERY_LENGTH = 100;

	private final Users users;

	private final UserBans bans;

	private final Clock clock;

	AdminUserController(Users users, UserBans bans, Clock clock) {
		this.users = users;
		this.bans = bans;
		this.clock = clock;
	}

	@GetMapping("/list")
	@Operation(summary = "Users, newest first",
			description = "q searches email and display name (case-insensitive, literal); "
					+ "banned filters on bans in force now.")
	@ProblemResponse(status = 400, code = "VALIDATION_FAILED", description = "bad limit, cursor, q or banned")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "FORBIDDEN", description = "the caller is not an admin")
	Page<AdminUser> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean banned) {
		int size = Cursor.limit(limit);
		List<AdminUser> rows = this.users.list(pattern(q), banned, position(Cursor.decode(cursor)), size + 1,
				this.clock.instant());
		return Page.of(rows, size, (user) -> Cursor.after(user.createdAt(), user.id()));
	}

	@PostMapping("/ban")
	@Operation(summary = "Ban a user, or lift a ban with banned: false",
			description = "Revokes the user's refresh tokens; their access tokens stop working at once. "
					+ "Recorded in the audit log.")
	@ProblemResponse(status = 400, code = "VALIDATION_FAILED",
			description = "reason not 1-500 characters, until not in the future")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "FORBIDDEN", description = "the caller is not an admin")
	@ProblemResponse(status = 404, code = "NOT_FOUND", description = "no such user")
	@ProblemResponse(status = 422, code = "CANNOT_BAN_SELF", description = "an admin cannot ban themselves")
	AdminUser ban(@AuthenticationPrincipal AuthenticatedUser admin, @Valid @RequestBody BanRequest request) {
		boolean banned = (request.banned() == null) || request.banned();
		return this.bans.ban(admin.id(), request.userId(), banned, request.reason(), request.until());
	}

	/**
	 * A LIKE pattern matching {@code q} literally anywhere, lower-case.
	 */
	static String pattern(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new InvalidRequestException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		String escaped = q.trim()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static Users.Position position(Cursor cursor) {
		if (cursor == null) {
			return null;
		}
		Instant at = cursor.instant();
		try {
			return new Users.Position(at, UUID.fromString(cursor.id()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("cursor", "is not a cursor this server gave out");
		}
	}

	record BanRequest(@NotNull UUID userId, @NotBlank @Size(max = 500) String reason, Instant until, Boolean banned) {
	}

}
