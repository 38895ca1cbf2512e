package io.questline.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.tasks.CompleteTaskService.Completed;
import io.questline.tasks.Tasks.LastCompletion;
import io.questline.users.UserDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks with the caller's status, and completing them.
 */
@RestController
class TaskController {

	private final Tasks tasks;

	private final CompleteTaskService completions;

	private final UserDirectory users;

	private final TaskProperties properties;

	private final Clock clock;

	TaskController(Tasks tasks, CompleteTaskService completions, UserDirectory users, TaskProperties properties,
			Clock clock) {
		this.tasks = tasks;
		this.completions = completions;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/api/tasks/list")
	Items list(@AuthenticationPrincipal AuthenticatedUser user) {
		Instant now = this.clock.instant();
		List<Task> open = this.tasks.findOpen(now, this.properties.listLimit());
		Map<Long, LastCompletion> last = this.tasks.lastCompletions(user.id(), open.stream().map(Task::id).toList())
			.stream()
			.collect(Collectors.toMap(LastCompletion::taskId, Function.identity()));
		var zone = this.users.zoneOf(user.id());
		LocalDate today = now.atZone(zone).toLocalDate();
		List<TaskView> items = open.stream().map((task) -> {
			LastCompletion completion = last.get(task.id());
			Instant completedAt = (completion != null) ? completion.completedAt() : null;
			boolean completedToday = completedAt != null && completedAt.atZone(zone).toLocalDate().equals(today);
			boolean completed = (completion != null) && completion.period().equals(task.periodOf(today));
			return new TaskView(task.id(), task.title(), task.description(), task.reward(), task.recurrence(),
					task.startsAt(), task.endsAt(), task.isAvailableAt(now), completed, completedToday, completedAt);
		}).toList();
		return new Items(items);
	}

	@PostMapping("/api/tasks/complete")
	Completed complete(@AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody CompleteRequest request) {
		return this.completions.complete(user.id(), request.taskId());
	}

	record Items(List<TaskView> items) {

	}

	/**
	 * A task with the caller's status.
	 *
	 * @param id the task
	 * @param title its title
	 * @param description what to do, or {@code null}
	 * @param reward millicoins paid per completion
	 * @param recurrence {@code once} or {@code daily}
	 * @param startsAt when it becomes available, or {@code null}
	 * @param endsAt when it stops being available, or {@code null}
	 * @param available whether it can be completed now (started and not ended)
	 * @param completed whether the caller has done it for the current period (ever for a
	 * one-off task, today for a daily one), so completing it now would be 409
	 * @param completedToday whether the caller completed it today, in the caller's
	 * timezone
	 * @param completedAt the caller's latest completion, or {@code null}
	 */
	record TaskView(long id, String title, String description, long reward, String recurrence, Instant startsAt,
			Instant endsAt, boolean available, boolean completed, boolean completedToday, Instant completedAt) {

	}

	record CompleteRequest(@NotNull @Positive Long taskId) {

	}

}
