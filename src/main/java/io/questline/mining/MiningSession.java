package io.questline.mining;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code mining_sessions}.
 *
 * @param id the session id
 * @param userId the miner
 * @param active whether it is still to be settled
 * @param startedAt when it started
 * @param endsAt when it stops earning
 * @param ratePerHour millicoins per hour, fixed at start
 * @param multipliersJson the bonuses fixed at start, as JSON
 * @param earnedUntil when it stopped earning, once settled
 * @param credited millicoins paid, once settled
 */
record MiningSession(long id, UUID userId, boolean active, Instant startedAt, Instant endsAt, long ratePerHour,
		String multipliersJson, Instant earnedUntil, Long credited) {

	long earnedAt(Instant at) {
		if (!this.active) {
			return this.credited;
		}
		return MiningRate.earned(this.ratePerHour, this.startedAt, this.endsAt, at);
	}

	boolean isOverdueAt(Instant at) {
		return this.active && !at.isBefore(this.endsAt);
	}

}
