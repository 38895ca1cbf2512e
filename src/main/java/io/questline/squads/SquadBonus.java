package io.questline.squads;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.questline.mining.MiningBonus;
import io.questline.mining.MiningMultiplier;

/**
 * The squad bonus on mining: the squad's {@code bonusPercent} once it has enough members.
 * Mining asks when a session starts and fixes the answer into the session, so joining a
 * squad (or the squad filling up) counts from the next session on.
 */
@Component
class SquadBonus implements MiningBonus {

	static final String SOURCE = "squad";

	private final Squads squads;

	private final SquadProperties properties;

	SquadBonus(Squads squads, SquadProperties properties) {
		this.squads = squads;
		this.properties = properties;
	}

	@Override
	public Optional<MiningMultiplier> multiplierFor(UUID userId, Instant startsAt) {
		return this.squads.bonusPercentOf(userId, this.properties.bonusMinMembers())
			.filter((percent) -> percent > 0)
			.map((percent) -> MiningMultiplier.bonus(SOURCE, percent));
	}

}
