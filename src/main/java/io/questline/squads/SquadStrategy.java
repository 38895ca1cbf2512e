package io.questline.squads;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.mining.MiningEstimates;
import io.questline.recommendations.StrategySource;

/**
 * Join a squad: only for a user in none. Suggests the open squad with the best bonus,
 * preferring one that already has enough members for its bonus to count. The gain is that
 * bonus on one full session at the base rate.
 */
@Component
class SquadStrategy implements StrategySource {

	private final Squads squads;

	private final SquadProperties properties;

	private final MiningEstimates estimates;

	SquadStrategy(Squads squads, SquadProperties properties, MiningEstimates estimates) {
		this.squads = squads;
		this.properties = properties;
		this.estimates = estimates;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		if (this.squads.memberOf(userId).isPresent()) {
			return List.of();
		}
		int minMembers = this.properties.bonusMinMembers();
		Optional<Squad> best = this.squads.bestOpen(minMembers)
			.filter((squad) -> squad.bonusPercent() > 0)
			.or(() -> this.squads.bestOpen(0));
		if (best.isEmpty() || best.get().bonusPercent() <= 0) {
			return List.of();
		}
		Squad squad = best.get();
		long gain = this.estimates.bonusOnSession(squad.bonusPercent());
		String reason = "You are in no squad. \"" + squad.name() + "\" has a free place and gives its members +"
				+ squad.bonusPercent() + "% on mining, " + Coins.format(gain) + " coins more on a "
				+ this.estimates.sessionHours() + "-hour session at the base rate"
				+ ((squad.memberCount() >= minMembers) ? "."
						: ", once it has " + minMembers + " members (it has " + squad.memberCount() + ").");
		return List.of(new Candidate("join_squad", "Join the squad " + squad.name(), reason, gain));
	}

}
