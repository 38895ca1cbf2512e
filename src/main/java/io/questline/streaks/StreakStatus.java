package io.questline.streaks;

import java.time.Clock;
import java.util.UUID;

import io.questline.users.UserDirectory;

import org.springframework.stereotype.Service;

/**
 * Reads a user's streak as it stands now, in the user's timezone.
 */
@Service
public class StreakStatus {

	private final Streaks streaks;

	private final UserDirectory users;

	private final Clock clock;

	StreakStatus(Streaks streaks, UserDirectory users, Clock clock) {
		this.streaks = streaks;
		this.users = users;
		this.clock = clock;
	}

	public StreakView of(UUID userId) {
		StreakState state = this.streaks.find(userId).orElse(StreakState.none(0));
		return StreakRules.view(state, this.clock.instant(), this.users.zoneOf(userId));
	}

}
