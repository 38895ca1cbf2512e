package io.questline.squads;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SquadMembership(Squads squads, ApplicationEventPublisher events, Clock clock) {
		this.squads = squads;
		this.events = events;
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
		Instant now = this.clock.instant();
		if (!this.squads.insertMember(userId, squadId, now)) {
			throw new AlreadyInSquadException();
		}
		// Throwing rolls the membership row back with the transaction.
		Squad squad = this.squads.takePlace(squadId).orElseThrow(SquadFullException::new);
		this.events.publishEvent(new SquadJoined(userId, squadId, now));
		return squad;
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
