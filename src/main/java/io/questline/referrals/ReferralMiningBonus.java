package io.questline.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.questline.mining.MiningActivity;
import io.questline.mining.MiningBonus;
import io.questline.mining.MiningMultiplier;

import org.springframework.stereotype.Component;

/**
 * The referral bonus of a mining session: a fixed percent per invitee who is mining when
 * the session starts, capped.
 */
@Component
class ReferralMiningBonus implements MiningBonus {

	static final String SOURCE = "referrals";

	private final Referrals referrals;

	private final MiningActivity activity;

	private final ReferralProperties properties;

	ReferralMiningBonus(Referrals referrals, MiningActivity activity, ReferralProperties properties) {
		this.referrals = referrals;
		this.activity = activity;
		this.properties = properties;
	}

	@Override
	public Optional<MiningMultiplier> multiplierFor(UUID userId, Instant startsAt) {
		List<UUID> invitees = this.referrals.inviteesOf(userId);
		if (invitees.isEmpty()) {
			return Optional.empty();
		}
		long mining = this.activity.countMining(invitees, startsAt);
		int percent = (int) Math.min(mining * this.properties.bonusPercentPerInvitee(),
				this.properties.maxBonusPercent());
		return (percent > 0) ? Optional.of(MiningMultiplier.bonus(SOURCE, percent)) : Optional.empty();
	}

}
