package io.questline.squads;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Read access to squads for other features (the dashboard): which squad a user is in.
 */
@Component
public class SquadDirectory {

	private final Squads squads;

	SquadDirectory(Squads squads) {
		this.squads = squads;
	}

	/**
	 * The squad a user is a member of, if any.
	 */
	public Optional<SquadSummary> squadOf(UUID userId) {
		return this.squads.memberOf(userId)
			.map((squad) -> new SquadSummary(squad.id(), squad.name(), squad.memberCount(), squad.bonusPercent()));
	}

	/**
	 * A user's squad as other features show it.
	 *
	 * @param id the squad id
	 * @param name its name
	 * @param memberCount how many members it has
	 * @param bonusPercent the mining bonus of its members once it has enough members
	 */
	public record SquadSummary(long id, String name, int memberCount, int bonusPercent) {

	}

}
