package io.questline.mining;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The seam through which other features raise a mining rate: streaks, squads, referrals,
 * purchased boosts. Each implementation is asked once when a session starts; the answers
 * are fixed into the session.
 */
public interface MiningBonus {

	/**
	 * What this feature adds to a session starting now.
	 * @param userId the miner
	 * @param startsAt the session start
	 * @return the multiplier, or empty for none
	 */
	Optional<MiningMultiplier> multiplierFor(UUID userId, Instant startsAt);

}
