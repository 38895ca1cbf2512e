package io.questline.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The arithmetic of mining, kept pure so it can be tested on its own: a rate is the base
 * rate raised by the sum of the bonus percents, then multiplied by every factor; earnings
 * are the rate times the hours elapsed, rounded down to a millicoin.
 */
final class MiningRate {

	private static final long MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();

	private MiningRate() {
	}

	/**
	 * The rate of a session.
	 * @param basePerHour millicoins per hour before bonuses
	 * @param multipliers what the bonuses add
	 * @return millicoins per hour, never negative
	 */
	static long perHour(long basePerHour, List<MiningMultiplier> multipliers) {
		long percent = 100;
		long factor = 1;
		for (MiningMultiplier multiplier : multipliers) {
			percent += multiplier.bonusPercent();
			factor = Math.multiplyExact(factor, Math.max(0, multiplier.factor()));
		}
		return Math.multiplyExact(Math.multiplyExact(basePerHour, Math.max(0, percent)), factor) / 100;
	}

	/**
	 * What a session has earned by an instant.
	 * @param ratePerHour millicoins per hour
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param at the instant asked about
	 * @return millicoins, rounded down
	 */
	static long earned(long ratePerHour, Instant startedAt, Instant endsAt, Instant at) {
		Instant until = at.isBefore(endsAt) ? at : endsAt;
		long millis = Duration.between(startedAt, until).toMillis();
		if (millis <= 0) {
			return 0;
		}
		return Math.multiplyExact(ratePerHour, millis) / MILLIS_PER_HOUR;
	}

}
