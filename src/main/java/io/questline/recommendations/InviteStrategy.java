package io.questline.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Invite a friend: always applies, and pays both sides once the invitee has mined.
 */
@Component
class InviteStrategy implements StrategySource {

	private final RecommendationProperties.Rules rules;

	InviteStrategy(RecommendationProperties properties) {
		this.rules = properties.rules();
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		String reason = "A friend who joins with your code and finishes a first mining session earns you both "
				+ Coins.format(this.rules.referralBonus()) + " coins, and adds +"
				+ this.rules.referralMiningBonusPercent() + "% to your sessions while they mine.";
		return List.of(new Candidate("invite_friend", "Invite a friend", reason, this.rules.referralBonus()));
	}

}
