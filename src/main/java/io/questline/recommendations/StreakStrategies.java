package io.questline.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.questline.users.UserDirectory;

import org.springframework.stereotype.Component;

/**
 * Protect a streak worth protecting with a freeze: the streak is long enough, still alive
 * (yesterday counted), today is not counted yet, and no freeze is held.
 */
@Component
class StreakStrategies implements StrategySource {

	private final StrategyFacts facts;

	private final UserDirectory users;

	private final RecommendationProperties.Rules rules;

	StreakStrategies(StrategyFacts facts, UserDirectory users, RecommendationProperties properties) {
		this.facts = facts;
		this.users = users;
		this.rules = properties.rules();
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		Optional<StrategyFacts.Streak> found = this.facts.streak(userId);
		if (found.isEmpty()) {
			return List.of();
		}
		StrategyFacts.Streak streak = found.get();
		LocalDate today = LocalDate.ofInstant(now, this.users.zoneOf(userId));
		boolean alive = streak.lastDay() != null && streak.lastDay().equals(today.minusDays(1));
		if (!alive || streak.currentDays() < this.rules.freezeMinStreakDays() || streak.freezes() > 0) {
			return List.of();
		}
		int percent = Math.min(streak.currentDays() * this.rules.streakBonusPercentPerDay(),
				this.rules.streakBonusMaxPercent());
		long atStake = this.rules.sessionEarnings(this.rules.baseRatePerHour()) * percent / 100;
		String reason = "Your " + streak.currentDays() + "-day streak adds +" + percent + "% to every mining session ("
				+ Coins.format(atStake)
				+ " coins a session). Today is not counted yet and you hold no streak freeze: with one ("
				+ Coins.format(this.rules.freezePrice()) + " coins) a missed day does not reset it.";
		return List.of(new Candidate("protect_streak", "Protect your streak with a freeze", reason, atStake));
	}

}
