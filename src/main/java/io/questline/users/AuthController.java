package io.questline.users;

import io.questline.shared.web.ProblemResponse;
import io.questline.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Register, login, refresh and logout.
 */
@RestController
@RequestMapping("/api/auth")
class AuthController {

	private final AccountService accounts;

	AuthController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Make an account and log it in")
	@ProblemResponse(status = 400, code = "VALIDATION_FAILED",
			description = "bad email, password not 12-128 characters or too common, displayName not 1-50")
	@ProblemResponse(status = 409, code = "EMAIL_TAKEN", description = "an account with this email exists")
	@ProblemResponse(status = 429, code = "RATE_LIMITED", description = "too many auth requests from this address")
	SessionResponse register(@Valid @RequestBody RegisterRequest request) {
		return SessionResponse.of(this.accounts.register(request.email(), request.password(), request.displayName(),
				request.referralCode()));
	}

	@PostMapping("/login")
	@Operation(summary = "Log in with email and password")
	@ProblemResponse(status = 401, code = "INVALID_CREDENTIALS",
			description = "unknown email or wrong password (the same answer for both)")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	@ProblemResponse(status = 429, code = "RATE_LIMITED", description = "too many auth requests from this address")
	SessionResponse login(@Valid @RequestBody LoginRequest request) {
		return SessionResponse.of(this.accounts.login(request.email(), request.password()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Trade a refresh token for new tokens",
			description = "The token is used up. Presenting a used token again revokes every token of its login.")
	@ProblemResponse(status = 401, code = "INVALID_REFRESH_TOKEN",
			description = "unknown, expired, revoked or already used (a reuse revokes the whole family)")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	@ProblemResponse(status = 429, code = "RATE_LIMITED", description = "too many auth requests from this address")
	AccountService.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
		return this.accounts.refresh(request.refreshToken());
	}

	@PostMapping("/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a refresh token of the caller (and its login's family)")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	void logout(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody RefreshRequest request) {
		this.accounts.logout(user.id(), request.refreshToken());
	}

	record RegisterRequest(@NotNull @Size(max = 254) String email,
			@NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
			@NotNull @Size(min = 1, max = 50) String displayName, @Size(max = 32) String referralCode) {
	}

	record LoginRequest(@NotBlank @Size(max = 254) String email,
			@NotBlank @Size(max = PasswordPolicy.MAX_LENGTH) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
	}

	record SessionResponse(Profile user, String accessToken, String refreshToken, long expiresIn) {

		static SessionResponse of(AccountService.Session session) {
			return new SessionResponse(session.user(), session.tokens().accessToken(), session.tokens().refreshToken(),
					session.tokens().expiresIn());
		}

	}

}
