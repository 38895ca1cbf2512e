package io.questline.tasks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task admins created.
 *
 * @param id the task
 * @param title its title
 * @param description what to do, or {@code null}
 * @param reward millicoins paid per completion
 * @param recurrence {@code once} or {@code daily}
 * @param startsAt when it becomes available, or {@code null} for at once
 * @param endsAt when it stops being available, or {@code null} for never
 * @param createdAt when it was created
 */
record Task(long id, String title, String description, long reward, String recurrence, Instant startsAt, Instant endsAt,
		Instant createdAt) {

	static final String ONCE = "once";

	static final String DAILY = "daily";

	boolean isDaily() {
		return DAILY.equals(this.recurrence);
	}

	boolean isAvailableAt(Instant now) {
		return (this.startsAt == null || !now.isBefore(this.startsAt))
				&& (this.endsAt == null || now.isBefore(this.endsAt));
	}

	/**
	 * The period a completion at a local date falls in: the one period of a one-off task,
	 * the date itself for a daily task.
	 */
	String periodOf(LocalDate day) {
		return isDaily() ? day.toString() : ONCE;
	}

}
