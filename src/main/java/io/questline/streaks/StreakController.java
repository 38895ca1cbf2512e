package io.questline.streaks;

import io.questline.shared.security.AuthenticatedUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's streak. A streak whose deadline passed (more days missed than freezes
 * held) shows {@code current = 0}; it is restarted in storage at the next activity.
 */
@RestController
class StreakController {

	private final StreakStatus streaks;

	StreakController(StreakStatus streaks) {
		this.streaks = streaks;
	}

	@GetMapping("/api/earnings/streak")
	StreakView streak(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.streaks.of(user.id());
	}

}
