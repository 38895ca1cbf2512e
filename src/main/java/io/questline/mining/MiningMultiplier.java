package io.questline.mining;

/**
 * One contribution to a session's rate: an additive bonus in percent (streak, squad,
 * referrals), or a factor applied to the result (a purchased 2x boost).
 *
 * @param source where it comes from ({@code streak}, {@code squad}, {@code referrals},
 * {@code boost})
 * @param bonusPercent percent added to the base rate, 0 for a factor
 * @param factor what the rate is multiplied by after the bonuses, 1 for a bonus
 */
public record MiningMultiplier(String source, int bonusPercent, int factor) {

	public static MiningMultiplier bonus(String source, int percent) {
		return new MiningMultiplier(source, percent, 1);
	}

	public static MiningMultiplier factor(String source, int factor) {
		return new MiningMultiplier(source, 0, factor);
	}

}
