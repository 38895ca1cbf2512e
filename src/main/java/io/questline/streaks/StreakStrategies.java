package io.questline.streaks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.questline.mining.MiningEstimates;
import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.RecommendationProperties;
import io.questline.recommendations.StrategySource;

import org.springframework.stereotype.Component;

/**
 * Protect a streak worth protecting with a freeze: the streak is long enough, still alive
 * (yesterday counted), today is not counted yet, and no freeze is held.
 */
@Component
public class StreakStrategies implements StrategySource {

	private final StreakStatus streaks;

	private final StreakProperties bonus;

	private final MiningEstimates mining;

	private final RecommendationProperties.Rules rules;

	StreakStrategies(StreakStatus streaks, StreakProperties bonus, MiningEstimates mining,
			RecommendationProperties properties) {
		this.streaks = streaks;
		this.bonus = bonus;
		this.mining = mining;
		this.rules = properties.rules();
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		StreakView streak = this.streaks.of(userId);
		// Without a freeze, a streak still alive but not counted today was counted
		// yesterday.
		if (streak.todayCounted() || streak.current() < this.rules.freezeMinStreakDays()
				|| streak.freezesAvailable() > 0) {
			return List.of();
		}
		int percent = Math.min(streak.current() * this.bonus.bonusPercentPerDay(), this.bonus.maxBonusPercent());
		long atStake = this.mining.bonusOnSession(percent);
		String reason = "Your " + streak.current() + "-day streak adds +" + percent + "% to every mining session ("
				+ Coins.format(atStake)
				+ " coins a session). Today is not counted yet and you hold no streak freeze: with one ("
				+ Coins.format(this.rules.freezePrice()) + " coins) a missed day does not reset it.";
		return List.of(new Candidate("protect_streak", "Protect your streak with a freeze", reason, atStake));
	}

}
