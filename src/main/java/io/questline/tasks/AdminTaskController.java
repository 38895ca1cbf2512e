package io.questline.tasks;

import java.time.Instant;

import io.questline.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import tools.jackson.databind.annotation.JsonDeserialize;
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

/**
 * Task creation for admins (the path alone requires the role ADMIN).
 */
@RestController
class AdminTaskController {

	private final CreateTaskService creator;

	AdminTaskController(CreateTaskService creator) {
		this.creator = creator;
	}

	@PostMapping("/api/admin/tasks/create")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedTask create(@AuthenticationPrincipal AuthenticatedUser admin,
			@Valid @RequestBody CreateTaskRequest request) {
		Task task = this.creator.create(admin.id(), request.title(), request.description(), request.reward(),
				request.recurrence(), request.startsAt(), request.endsAt());
		return new CreatedTask(task.id(), task.title(), task.description(), task.reward(), task.recurrence(),
				task.startsAt(), task.endsAt(), task.createdAt());
	}

	record CreatedTask(long id, String title, String description, long reward, String recurrence, Instant startsAt,
			Instant endsAt, Instant createdAt) {

	}

	/**
	 * A new task. The reward is checked against the configured maximum in the service.
	 *
	 * @param title 1-100 characters
	 * @param description up to 1000 characters
	 * @param reward millicoins per completion
	 * @param recurrence {@code once} or {@code daily}
	 * @param startsAt when it becomes available (default: at once)
	 * @param endsAt when it stops being available (default: never); after startsAt
	 */
	record CreateTaskRequest(@NotBlank @Size(max = 100) String title, @Size(max = 1000) String description,
			@NotNull Long reward, @NotNull @Pattern(regexp = "once|daily") @Schema(allowableValues = {
					"once", "daily" }) String recurrence,
			@JsonDeserialize(using = IsoInstantDeserializer.class) Instant startsAt,
			@JsonDeserialize(using = IsoInstantDeserializer.class) Instant endsAt){

	}

}
