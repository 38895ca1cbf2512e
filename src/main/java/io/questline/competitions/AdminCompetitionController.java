package io.questline.competitions;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.questline.shared.security.AuthenticatedUser;

@RestController
class AdminCompetitionController {

	private final CompetitionPlanner planner;

	AdminCompetitionController(CompetitionPlanner planner) {
		this.planner = planner;
	}

	@PostMapping("/api/admin/events/create")
	@ResponseStatus(HttpStatus.CREATED)
	EventView create(@AuthenticationPrincipal AuthenticatedUser admin, @Valid @RequestBody CreateEventRequest request) {
		List<Prize> prizes = (request.prizes() != null)
				? request.prizes().stream().map((prize) -> new Prize(prize.rank(), prize.reward())).toList()
				: List.of();
		Competition created = this.planner.create(admin.id(), request.name().strip(), request.description(),
				request.startsAt(), request.endsAt(), Metric.of(request.metric()).orElseThrow(), prizes);
		return EventView.of(created);
	}

	record CreateEventRequest(@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description,
			@NotNull Instant startsAt, @NotNull Instant endsAt,
			@NotNull @Pattern(regexp = Metric.PATTERN,
					message = "must be one of coins_mined, sessions_completed, modules_completed, tasks_completed") String metric,
			@Size(max = 100) List<@Valid @NotNull PrizeRequest> prizes) {
	}

	/**
	 * A prize as an admin sets it: bounds here, the configured limits in the planner.
	 */
	record PrizeRequest(@NotNull @Min(1) @Max(1000) Integer rank, @NotNull @Min(1) Long reward) {
	}

	record EventView(long id, String name, String description, Instant startsAt, Instant endsAt, String metric,
			List<Prize> prizes, String state) {

		static EventView of(Competition event) {
			return new EventView(event.id(), event.name(), event.description(), event.startsAt(), event.endsAt(),
					event.metric().code(), event.prizes(), event.state());
		}

	}

}
