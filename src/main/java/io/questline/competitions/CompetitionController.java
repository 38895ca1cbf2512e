package io.questline.competitions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.web.InvalidRequestException;

@RestController
class CompetitionController {

	/** Live events listed at most (the list is not paged: few run at once). */
	static final int MAX_LIVE = 100;

	static final int DEFAULT_BOARD_LIMIT = 10;

	static final int MAX_BOARD_LIMIT = 100;

	private final Competitions competitions;

	private final Participation participation;

	private final Leaderboards leaderboards;

	private final Clock clock;

	CompetitionController(Competitions competitions, Participation participation, Leaderboards leaderboards,
			Clock clock) {
		this.competitions = competitions;
		this.participation = participation;
		this.leaderboards = leaderboards;
		this.clock = clock;
	}

	@GetMapping("/api/events/live")
	LiveEvents live(@AuthenticationPrincipal AuthenticatedUser user) {
		return new LiveEvents(
				this.competitions.live(user.id(), this.clock.instant(), MAX_LIVE).stream().map(LiveEvent::of).toList());
	}

	@PostMapping("/api/events/participate")
	Participated participate(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody ParticipateRequest request) {
		return new Participated(request.eventId(), this.participation.participate(user.id(), request.eventId()));
	}

	@GetMapping("/api/events/leaderboards")
	Leaderboards.Board leaderboard(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam long eventId,
			@RequestParam(required = false) Integer limit) {
		int size = (limit != null) ? limit : DEFAULT_BOARD_LIMIT;
		if (size < 1 || size > MAX_BOARD_LIMIT) {
			throw new InvalidRequestException("limit", "must be between 1 and " + MAX_BOARD_LIMIT);
		}
		return this.leaderboards.read(eventId, user.id(), size);
	}

	record ParticipateRequest(@NotNull @Positive Long eventId) {
	}

	record Participated(long eventId, Instant joinedAt) {
	}

	record LiveEvents(List<LiveEvent> items) {
	}

	record LiveEvent(long id, String name, String description, Instant startsAt, Instant endsAt, String metric,
			List<Prize> prizes, long participants, boolean joined) {

		static LiveEvent of(Competitions.LiveCompetition live) {
			Competition event = live.competition();
			return new LiveEvent(event.id(), event.name(), event.description(), event.startsAt(), event.endsAt(),
					event.metric().code(), event.prizes(), live.participants(), live.joined());
		}

	}

}
