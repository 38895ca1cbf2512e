package io.questline.achievements;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.StrategySource;

import org.springframework.stereotype.Component;

/**
 * Claim an achievement the user has reached but not claimed: the one with the best
 * reward, whose reward is the gain.
 */
@Component
class ClaimStrategy implements StrategySource {

	private final Achievements achievements;

	ClaimStrategy(Achievements achievements) {
		this.achievements = achievements;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		List<Achievement> claimable = this.achievements.claimable(userId);
		if (claimable.isEmpty()) {
			return List.of();
		}
		Achievement best = claimable.get(0);
		int others = claimable.size() - 1;
		String reason = "You reached \"" + best.name() + "\" (" + best.description() + ") but have not claimed it: "
				+ "claiming pays " + Coins.format(best.reward()) + " coins." + ((others > 0) ? " " + others
						+ " more achievement" + ((others > 1) ? "s are" : " is") + " waiting to be claimed." : "");
		return List.of(new Candidate("claim_achievement", "Claim \"" + best.name() + "\"", reason, best.reward()));
	}

}
