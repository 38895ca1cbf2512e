package io.questline.achievements;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an achievement measures. Each is kept per user in {@code achievement_counters}
 * from the events of the feature that does the thing; coins are in millicoins.
 */
enum Metric {

	/** Millicoins credited by completed mining sessions. */
	COINS_MINED,
	/** Mining sessions completed. */
	SESSIONS_COMPLETED,
	/** The longest streak, in days. */
	STREAK_DAYS,
	/** Learning modules completed. */
	MODULES_COMPLETED,
	/** Learning paths completed. */
	PATHS_COMPLETED,
	/** Task completions (a daily task counts every day it is done). */
	TASKS_COMPLETED,
	/** Invitees whose first mining session paid the referral bonus. */
	REFERRALS_REWARDED,
	/** 1 once the user has joined a squad (leaving and joining again adds nothing). */
	SQUADS_JOINED,
	/** Live events joined (each event once). */
	EVENTS_JOINED;

	String code() {
		return name().toLowerCase();
	}

	static Optional<Metric> of(String code) {
		return Arrays.stream(values()).filter((metric) -> metric.code().equals(code)).findFirst();
	}

}
