package io.questline.tasks;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRulesTests {

	private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("2030-01-02T00:00:00Z");

	@Test
	void aOneOffTaskHasOnePeriodAndADailyTaskOnePerLocalDate() {
		LocalDate day = LocalDate.of(2030, 1, 1);
		assertThat(task("once", null, null).periodOf(day)).isEqualTo("once");
		assertThat(task("once", null, null).periodOf(day.plusDays(1))).isEqualTo("once");
		assertThat(task("daily", null, null).periodOf(day)).isEqualTo("2030-01-01");
		assertThat(task("daily", null, null).periodOf(day.plusDays(1))).isEqualTo("2030-01-02");
	}

	@Test
	void aTaskIsAvailableFromItsStartUntilJustBeforeItsEnd() {
		Task windowed = task("once", START, END);
		assertThat(windowed.isAvailableAt(START.minusMillis(1))).isFalse();
		assertThat(windowed.isAvailableAt(START)).isTrue();
		assertThat(windowed.isAvailableAt(END.minusMillis(1))).isTrue();
		assertThat(windowed.isAvailableAt(END)).isFalse();
		assertThat(task("daily", null, null).isAvailableAt(Instant.EPOCH)).isTrue();
		assertThat(task("daily", START, null).isAvailableAt(Instant.MAX)).isTrue();
	}

	private static Task task(String recurrence, Instant startsAt, Instant endsAt) {
		return new Task(1, "t", null, 1_000, recurrence, startsAt, endsAt, START);
	}

}
