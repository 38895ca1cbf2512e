package io.questline.referrals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.StrategySource;

import org.springframework.stereotype.Component;

/**
 * Invite a friend: always applies, and pays both sides once the invitee has mined.
 */
@Component
class InviteStrategy implements StrategySource {

	private final ReferralProperties referrals;

	InviteStrategy(ReferralProperties referrals) {
		this.referrals = referrals;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		String reason = "A friend who joins with your code and finishes a first mining session earns you both "
				+ Coins.format(this.referrals.reward()) + " coins, and adds +" + this.referrals.bonusPercentPerInvitee()
				+ "% to your sessions while they mine.";
		return List.of(new Candidate("invite_friend", "Invite a friend", reason, this.referrals.reward()));
	}

}
