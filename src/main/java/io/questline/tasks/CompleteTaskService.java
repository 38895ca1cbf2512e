package io.questline.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.Posting;
import io.questline.ledger.SystemAccount;
import io.questline.shared.web.ApiException;
import io.questline.shared.web.NotFoundException;
import io.questline.users.UserDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task for a user: once, or once per local day (in the user's timezone) for a
 * daily task. The completion row is unique per task, user and period in the database, and
 * the payment's reference {@code task:<task>:<user>:<period>} is unique in the ledger, so
 * concurrent completions pay once.
 */
@Service
class CompleteTaskService {

	private final Tasks tasks;

	private final Ledger ledger;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CompleteTaskService(Tasks tasks, Ledger ledger, UserDirectory users, ApplicationEventPublisher events,
			Clock clock) {
		this.tasks = tasks;
		this.ledger = ledger;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Completed complete(UUID userId, long taskId) {
		Task task = this.tasks.find(taskId).orElseThrow(() -> new NotFoundException("Task"));
		Instant now = this.clock.instant();
		if (!task.isAvailableAt(now)) {
			throw new TaskNotAvailableException();
		}
		LocalDate today = now.atZone(this.users.zoneOf(userId)).toLocalDate();
		String period = task.periodOf(today);
		if (!this.tasks.insertCompletion(taskId, userId, period, task.reward(), now)) {
			throw new AlreadyCompletedException(task.isDaily());
		}
		Posting posting = this.ledger
			.credit(userId, SystemAccount.REWARDS, task.reward(), "task",
					"task:" + taskId + ":" + userId + ":" + period)
			.orElseThrow(() -> new AlreadyCompletedException(task.isDaily()));
		this.events.publishEvent(new TaskCompleted(userId, taskId, task.reward(), now));
		return new Completed(taskId, task.reward(), posting.balanceAfter(userId));
	}

	/**
	 * A completed task.
	 *
	 * @param taskId the task
	 * @param reward millicoins paid
	 * @param balance the balance after
	 */
	record Completed(long taskId, long reward, long balance) {

	}

	static class AlreadyCompletedException extends ApiException {

		AlreadyCompletedException(boolean daily) {
			super(HttpStatus.CONFLICT, "ALREADY_COMPLETED",
					daily ? "You have already completed this task today." : "You have already completed this task.");
		}

	}

	static class TaskNotAvailableException extends ApiException {

		TaskNotAvailableException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "TASK_NOT_AVAILABLE",
					"This task is not available now: it has not started yet or it has ended.");
		}

	}

}
