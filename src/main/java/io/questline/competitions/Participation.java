package io.questline.competitions;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.questline.shared.web.NotFoundException;

/**
 * Joining a live event.
 */
@Service
class Participation {

	private final Competitions competitions;

	private final Participants participants;

	private final Clock clock;

	Participation(Competitions competitions, Participants participants, Clock clock) {
		this.competitions = competitions;
		this.participants = participants;
		this.clock = clock;
	}

	/**
	 * Makes the user a participant with score 0.
	 * @return when they joined
	 * @throws EventNotLiveException when the event is not running now
	 * @throws AlreadyJoinedException when they joined before
	 */
	@Transactional
	Instant participate(UUID userId, long eventId) {
		Competition competition = this.competitions.findForShare(eventId)
			.orElseThrow(() -> new NotFoundException("Event"));
		Instant now = this.clock.instant();
		if (!competition.isLive(now)) {
			throw new EventNotLiveException();
		}
		return this.participants.join(competition, userId, now).orElseThrow(AlreadyJoinedException::new).joinedAt();
	}

}
