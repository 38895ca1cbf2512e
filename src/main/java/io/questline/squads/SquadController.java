package io.questline.squads;

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
import io.questline.shared.web.Cursor;
import io.questline.shared.web.InvalidRequestException;
import io.questline.shared.web.Page;

@RestController
class SquadController {

	static final int MAX_QUERY_LENGTH = 100;

	private final Squads squads;

	private final SquadMembership membership;

	SquadController(Squads squads, SquadMembership membership) {
		this.squads = squads;
		this.membership = membership;
	}

	@GetMapping("/api/squads/list")
	Page<SquadView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int size = Cursor.limit(limit);
		Cursor after = Cursor.decode(cursor);
		List<Squad> rows = this.squads.page(pattern(q), (after != null) ? after.instant() : null,
				(after != null) ? after.longId() : 0, size + 1);
		Page<Squad> page = Page.of(rows, size, (squad) -> Cursor.after(squad.createdAt(), squad.id()));
		return new Page<>(page.items().stream().map(SquadView::of).toList(), page.nextCursor());
	}

	@PostMapping("/api/squads/join")
	JoinResponse join(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody JoinRequest request) {
		return new JoinResponse(SquadView.of(this.membership.join(user.id(), request.squadId())));
	}

	@PostMapping("/api/squads/leave")
	LeaveResponse leave(@AuthenticationPrincipal AuthenticatedUser user) {
		return new LeaveResponse(this.membership.leave(user.id()));
	}

	/**
	 * The search text as a case-insensitive "contains" pattern in which the caller's
	 * {@code %} and {@code _} mean themselves.
	 */
	static String pattern(String q) {
		if (q == null || q.isBlank()) {
			return "%";
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw new InvalidRequestException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		for (int i = 0; i < q.length(); i++) {
			if (Character.isISOControl(q.charAt(i))) {
				throw new InvalidRequestException("q", "must not contain control characters");
			}
		}
		String escaped = q.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	record JoinRequest(@NotNull @Positive Long squadId) {
	}

	record JoinResponse(SquadView squad) {
	}

	record LeaveResponse(long left) {
	}

	record SquadView(long id, String name, String description, int memberCount, int capacity, int bonusPercent) {

		static SquadView of(Squad squad) {
			return new SquadView(squad.id(), squad.name(), squad.description(), squad.memberCount(), squad.capacity(),
					squad.bonusPercent());
		}

	}

}
