package io.questline.ledger;

import java.util.UUID;

/**
 * One side of a posting: an account and the signed amount it moves (credit &gt; 0).
 *
 * @param userId the user whose account it is, or {@code null} for a system account
 * @param system the system account, or {@code null} for a user account
 * @param amount millicoins, never zero
 */
public record Leg(UUID userId, SystemAccount system, long amount) {

	public Leg {
		if ((userId == null) == (system == null)) {
			throw new IllegalArgumentException("A leg names exactly one account");
		}
		if (amount == 0) {
			throw new IllegalArgumentException("A leg moves a non-zero amount");
		}
	}

	public static Leg user(UUID userId, long amount) {
		return new Leg(userId, null, amount);
	}

	public static Leg system(SystemAccount system, long amount) {
		return new Leg(null, system, amount);
	}

	String sortKey() {
		return (this.userId != null) ? "u:" + this.userId : "s:" + this.system.code();
	}

}
