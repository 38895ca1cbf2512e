package io.questline.competitions;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an event counts. Scores come only from the server-side activity events of the
 * metric.
 */
enum Metric {

	COINS_MINED("coins_mined"), SESSIONS_COMPLETED("sessions_completed"), MODULES_COMPLETED("modules_completed"),
	TASKS_COMPLETED("tasks_completed");

	/** The pattern request validation accepts. */
	static final String PATTERN = "coins_mined|sessions_completed|modules_completed|tasks_completed";

	private final String code;

	Metric(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static Optional<Metric> of(String code) {
		return Arrays.stream(values()).filter((metric) -> metric.code.equals(code)).findFirst();
	}

}
