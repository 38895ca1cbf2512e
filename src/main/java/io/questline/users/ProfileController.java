package io.questline.users;

import io.questline.shared.web.ProblemResponse;
import io.questline.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile and settings (always the caller's: no user id is taken).
 */
@RestController
@RequestMapping("/api/user")
class ProfileController {

	private final ProfileService profiles;

	ProfileController(ProfileService profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/profile")
	@Operation(summary = "The caller's profile, balance (millicoins) and settings")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	Profile profile(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.profiles.profile(user.id());
	}

	@PostMapping("/profile/update")
	@Operation(summary = "Change display name, bio or avatar URL",
			description = "Fields not given stay as they are; an empty bio or avatarUrl removes it. "
					+ "role, balance, email and any other field are refused (400).")
	@ProblemResponse(status = 400, code = "VALIDATION_FAILED",
			description = "displayName not 1-50, bio over 500, avatarUrl not https or over 2048")
	@ProblemResponse(status = 400, code = "UNKNOWN_FIELD",
			description = "a field that cannot be written here (role, balance, email, ...)")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	Profile update(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody UpdateProfileRequest request) {
		return this.profiles.update(user.id(), request.displayName(), request.bio(), request.avatarUrl());
	}

	@PostMapping("/settings/update")
	@Operation(summary = "Change timezone, locale, notifications or leaderboard visibility",
			description = "Fields not given stay as they are.")
	@ProblemResponse(status = 400, code = "VALIDATION_FAILED",
			description = "timezone not an IANA region id, locale not a BCP 47 tag")
	@ProblemResponse(status = 401, code = "UNAUTHORIZED", description = "no valid access token")
	@ProblemResponse(status = 403, code = "ACCOUNT_BANNED", description = "the account is banned")
	Profile.Settings updateSettings(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody UpdateSettingsRequest request) {
		return this.profiles.updateSettings(user.id(), request.timezone(), request.locale(), request.notifications(),
				request.leaderboardVisible());
	}

	record UpdateProfileRequest(@Size(min = 1, max = 50) String displayName, @Size(max = 500) String bio,
			@Size(max = ProfileService.MAX_AVATAR_URL_LENGTH) String avatarUrl) {
	}

	record UpdateSettingsRequest(@Size(max = 64) String timezone, @Size(max = 35) String locale, Boolean notifications,
			Boolean leaderboardVisible) {
	}

}
