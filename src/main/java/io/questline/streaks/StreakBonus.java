package io.questline.streaks;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.questline.mining.MiningBonus;
import io.questline.mining.MiningMultiplier;
import io.questline.users.UserDirectory;

import org.springframework.stereotype.Component;

/**
 * The streak's share of a mining rate: a percent per streak day, capped. Starting a
 * session counts the day, so the streak it is measured on is the one the start itself
 * makes (day 5 of a streak mines at +5%).
 */
@Component
class StreakBonus implements MiningBonus {

	private final Streaks streaks;

	private final UserDirectory users;

	private final StreakProperties properties;

	StreakBonus(Streaks streaks, UserDirectory users, StreakProperties properties) {
		this.streaks = streaks;
		this.users = users;
		this.properties = properties;
	}

	@Override
	public Optional<MiningMultiplier> multiplierFor(UUID userId, Instant startsAt) {
		StreakState state = this.streaks.find(userId).orElse(StreakState.none(0));
		int days = StreakRules.record(state, startsAt, this.users.zoneOf(userId)).state().current();
		long percent = Math.min((long) days * this.properties.bonusPercentPerDay(), this.properties.maxBonusPercent());
		return (percent > 0) ? Optional.of(MiningMultiplier.bonus("streak", (int) percent)) : Optional.empty();
	}

}
