package io.questline.streaks;

import java.time.Clock;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.users.UserDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's streak. A streak whose deadline passed (more days missed than freezes
 * held) shows {@code current = 0}; it is restarted in storage at the next activity.
 */
@RestController
class StreakController {

	private final Streaks streaks;

	private final UserDirectory users;

	private final Clock clock;

	StreakController(Streaks streaks, UserDirectory users, Clock clock) {
		this.streaks = streaks;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/api/earnings/streak")
	StreakRules.View streak(@AuthenticationPrincipal AuthenticatedUser user) {
		StreakState state = this.streaks.find(user.id()).orElse(StreakState.none(0));
		return StreakRules.view(state, this.clock.instant(), this.users.zoneOf(user.id()));
	}

}
