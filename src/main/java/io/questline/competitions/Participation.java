package io.questline.competitions;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Participation(Competitions competitions, Participants participants, ApplicationEventPublisher events, Clock clock) {
		this.competitions = competitions;
		this.participants = participants;
		this.events = events;
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
		Instant joinedAt = this.participants.join(competition, userId, now)
			.orElseThrow(AlreadyJoinedException::new)
			.joinedAt();
		this.events.publishEvent(new EventJoined(userId, eventId, joinedAt));
		return joinedAt;
	}

}
