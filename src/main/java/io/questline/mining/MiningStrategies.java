package io.questline.mining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.StrategySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Start a session when none is open; collect one that has reached its end. Nothing while
 * a session is still earning.
 */
@Component
class MiningStrategies implements StrategySource {

	private static final Logger logger = LoggerFactory.getLogger(MiningStrategies.class);

	private final MiningActivity mining;

	private final ObjectProvider<MiningBonus> bonuses;

	private final MiningEstimates estimates;

	MiningStrategies(MiningActivity mining, ObjectProvider<MiningBonus> bonuses, MiningEstimates estimates) {
		this.mining = mining;
		this.bonuses = bonuses;
		this.estimates = estimates;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		Optional<MiningActivity.OpenSession> open = this.mining.openSession(userId);
		if (open.isPresent()) {
			MiningActivity.OpenSession session = open.get();
			if (session.endsAt().isAfter(now)) {
				return List.of();
			}
			long earned = session.earnedAtEnd();
			return List.of(new Candidate("collect_session", "Collect your finished mining session",
					"Your mining session ended and holds " + Coins.format(earned)
							+ " coins. End it to collect them and start the next one.",
					earned));
		}
		Rate rate = rateStartingAt(userId, now);
		long earned = this.estimates.sessionEarnings(rate.perHour());
		String reason = "You have no mining session running. A session of " + this.estimates.sessionHours()
				+ " hours at " + Coins.format(rate.perHour()) + " coins an hour" + rate.explained() + " earns "
				+ Coins.format(earned) + " coins.";
		return List.of(new Candidate("start_session", "Start a mining session", reason, earned));
	}

	/**
	 * The rate a session starting now would get, asking every mining bonus as mining
	 * does: bonuses add up in percent, factors multiply the result.
	 */
	private Rate rateStartingAt(UUID userId, Instant now) {
		int percent = 0;
		long factor = 1;
		List<String> parts = new ArrayList<>();
		for (MiningBonus bonus : this.bonuses) {
			try {
				Optional<MiningMultiplier> multiplier = bonus.multiplierFor(userId, now);
				if (multiplier.isPresent()) {
					percent += multiplier.get().bonusPercent();
					factor *= Math.max(1, multiplier.get().factor());
					parts.add(multiplier.get().source());
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Mining bonus {} failed; left out of the estimate", bonus.getClass().getSimpleName(), ex);
			}
		}
		long perHour = this.estimates.baseRatePerHour() * (100 + percent) / 100 * factor;
		String explained = parts.isEmpty() ? "" : " (with your " + String.join(", ", parts) + " bonus)";
		return new Rate(perHour, explained);
	}

	private record Rate(long perHour, String explained) {

	}

}
