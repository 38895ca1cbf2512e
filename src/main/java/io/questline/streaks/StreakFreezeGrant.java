package io.questline.streaks;

import java.util.UUID;

import io.questline.transactions.CoinPurchaseGrant;

import org.springframework.stereotype.Component;

/**
 * What buying {@code streak_freeze} with coins gives: one freeze, refused at the limit.
 */
@Component
class StreakFreezeGrant implements CoinPurchaseGrant {

	private final StreakFreezes freezes;

	StreakFreezeGrant(StreakFreezes freezes) {
		this.freezes = freezes;
	}

	@Override
	public String itemCode() {
		return "streak_freeze";
	}

	@Override
	public void grant(UUID userId) {
		this.freezes.grant(userId);
	}

}
