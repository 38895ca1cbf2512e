package io.questline.streaks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The streak rule, pure so it can be tried on thousands of random calendars.
 *
 * <p>
 * A streak remembers the last counted day ({@code lastDay}) in the zone the user had when
 * it was counted ({@code lastZone}), and the instant of the latest activity
 * ({@code lastSeenAt}). An activity at instant {@code t} by a user now in zone {@code z}:
 * <ul>
 * <li>counts a new day only if {@code t} falls on a later date than {@code lastDay} both
 * in {@code lastZone} and in {@code z}, and on a later date than the latest activity in
 * {@code z}. So no two counted days share a date in either zone, and hopping timezones
 * cannot count two days in one;</li>
 * <li>finds {@code n} missed days, where {@code n + 1} is the smaller of the date gaps
 * measured in {@code lastZone} (from {@code lastDay}) and in {@code z} (from the latest
 * activity). A day is missed only if it is missed in both, so a change of timezone never
 * breaks a streak that is kept daily in either zone;</li>
 * <li>uses {@code n} freezes when that many are held (the streak goes on), and otherwise
 * restarts at 1 keeping the freezes (none is wasted on a streak already lost).</li>
 * </ul>
 * Dates come from {@code ZonedDateTime}, so days of 23 or 25 hours (DST) are one day
 * each. Without a change of timezone this is the plain rule: one count per local date, a
 * gap of one date continues the streak.
 */
final class StreakRules {

	private StreakRules() {
	}

	/**
	 * Applies an activity.
	 * @param state the streak before
	 * @param at when the activity happened
	 * @param zone the user's timezone at that moment
	 * @return the streak after, and whether a day was counted
	 */
	static Outcome record(StreakState state, Instant at, ZoneId zone) {
		LocalDate today = at.atZone(zone).toLocalDate();
		if (!state.started()) {
			return new Outcome(new StreakState(1, Math.max(1, state.longest()), today, zone, at, state.freezes()), true,
					today, 0, false);
		}
		Instant seen = at.isAfter(state.lastSeenAt()) ? at : state.lastSeenAt();
		if (!countsNewDay(state, at, zone)) {
			return new Outcome(new StreakState(state.current(), state.longest(), state.lastDay(), state.lastZone(),
					seen, state.freezes()), false, null, 0, false);
		}
		long missed = missedDays(state, at, zone);
		int current;
		int freezes = state.freezes();
		int used = 0;
		boolean restarted = false;
		if (missed <= freezes) {
			used = (int) missed;
			freezes -= used;
			current = state.current() + 1;
		}
		else {
			current = 1;
			restarted = true;
		}
		return new Outcome(new StreakState(current, Math.max(state.longest(), current), today, zone, seen, freezes),
				true, today, used, restarted);
	}

	/**
	 * The streak as shown at an instant, before any further activity.
	 * @param state the stored streak
	 * @param now the instant
	 * @param zone the user's timezone now
	 * @return what to show
	 */
	static StreakView view(StreakState state, Instant now, ZoneId zone) {
		if (!state.started()) {
			return new StreakView(0, state.longest(), false, state.freezes(), null);
		}
		boolean alive = missedDays(state, now, zone) <= state.freezes();
		Instant deadline = alive ? deadline(state, zone) : null;
		return new StreakView(alive ? state.current() : 0, state.longest(), !countsNewDay(state, now, zone),
				state.freezes(), deadline);
	}

	/**
	 * The first instant at which, without activity, the streak is lost even with every
	 * freeze held: both date gaps reach {@code freezes + 2}.
	 */
	static Instant deadline(StreakState state, ZoneId zone) {
		long days = state.freezes() + 2L;
		Instant inLastZone = state.lastDay().plusDays(days).atStartOfDay(state.lastZone()).toInstant();
		Instant inZone = state.lastSeenAt().atZone(zone).toLocalDate().plusDays(days).atStartOfDay(zone).toInstant();
		return inLastZone.isAfter(inZone) ? inLastZone : inZone;
	}

	private static boolean countsNewDay(StreakState state, Instant at, ZoneId zone) {
		LocalDate today = at.atZone(zone).toLocalDate();
		return gapInLastZone(state, at) >= 1 && gapInZone(state, at, zone) >= 1 && today.isAfter(state.lastDay());
	}

	private static long missedDays(StreakState state, Instant at, ZoneId zone) {
		return Math.max(0, Math.min(gapInLastZone(state, at), gapInZone(state, at, zone)) - 1);
	}

	private static long gapInLastZone(StreakState state, Instant at) {
		return ChronoUnit.DAYS.between(state.lastDay(), at.atZone(state.lastZone()).toLocalDate());
	}

	private static long gapInZone(StreakState state, Instant at, ZoneId zone) {
		return ChronoUnit.DAYS.between(state.lastSeenAt().atZone(zone).toLocalDate(), at.atZone(zone).toLocalDate());
	}

	/**
	 * What an activity did.
	 *
	 * @param state the streak after it
	 * @param counted whether it counted a new day
	 * @param day the day counted (in the user's zone), or {@code null}
	 * @param freezesUsed freezes used up to cover missed days
	 * @param restarted whether the streak restarted at 1
	 */
	record Outcome(StreakState state, boolean counted, LocalDate day, int freezesUsed, boolean restarted) {

	}

	/**
	 * A streak as shown.
	 * @param current the streak length, 0 once it is lost
	 * @param longest the longest streak ever
	 * @param todayCounted whether an activity now would count no new day
	 * @param freezesAvailable freezes held
	 * @param nextDeadline when the streak is lost without further activity (freezes
	 * considered), or {@code null} when there is none to lose
	 */

}
