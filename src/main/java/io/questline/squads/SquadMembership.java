package io.questline.squads;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.questline.shared.web.NotFoundException;

/**
 * Joining and leaving squads. The membership row and the member count change in one
 * transaction; the count is taken with a guarded UPDATE so capacity holds when many join
 * at once.
 */
@Service
class SquadMembership {

	private final Squads squads;

	private final Clock clock;

	SquadMembership(Squads squads, Clock clock) {
		this.squads = squads;
		this.clock = clock;
	}

	/**
	 * Makes the user a member of a squad.
	 * @return the squad after joining
	 * @throws AlreadyInSquadException when the user is in a squad (this one or another)
	 * @throws SquadFullException when no place is free
	 */
	@Transactional
	Squad join(UUID userId, long squadId) {
		if (!this.squads.exists(squadId)) {
			throw new NotFoundException("Squad");
		}
		// The unique membership first: a user already in a squad hears that, not "full".
		if (!this.squads.insertMember(userId, squadId, this.clock.instant())) {
			throw new AlreadyInSquadException();
		}
		// Throwing rolls the membership row back with the transaction.
		return this.squads.takePlace(squadId).orElseThrow(SquadFullException::new);
	}

	/**
	 * Ends the user's membership.
	 * @return the id of the squad left
	 * @throws NotInSquadException when the user is in no squad
	 */
	@Transactional
	long leave(UUID userId) {
		long squadId = this.squads.deleteMember(userId).orElseThrow(NotInSquadException::new);
		this.squads.releasePlace(squadId);
		return squadId;
	}

}
