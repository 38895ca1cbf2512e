package io.questline.streaks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streak rule over seeded random activity calendars (the seed is the repetition, so a
 * failure names the calendar that broke it), in zones with DST, odd offsets and date-line
 * jumps, with and without changes of timezone.
 */
class StreakRulesTests {

	private static final List<ZoneId> ZONES = List
		.of("UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Australia/Sydney",
				"Australia/Lord_Howe", "America/Sao_Paulo", "Asia/Tokyo", "Asia/Kolkata", "Asia/Kathmandu",
				"America/St_Johns", "Pacific/Apia", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Chatham",
				"America/Santiago", "Africa/Casablanca")
		.stream()
		.map(ZoneId::of)
		.toList();

	/**
	 * Starts near DST changes of both hemispheres and the Samoa date-line jump of 2011.
	 */
	private static final List<Instant> STARTS = List
		.of("2011-12-25T00:00:00Z", "2030-03-05T00:00:00Z", "2030-03-26T00:00:00Z", "2030-04-01T00:00:00Z",
				"2030-09-25T00:00:00Z", "2030-10-22T00:00:00Z", "2030-10-31T00:00:00Z", "2031-01-01T00:00:00Z")
		.stream()
		.map(Instant::parse)
		.toList();

	@RepeatedTest(300)
	void inOneZoneEachLocalDateCountsOnceAndGapsUseFreezesOrRestart(RepetitionInfo repetition) {
		Random random = new Random(repetition.getCurrentRepetition());
		ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
		int freezes = random.nextInt(3);
		List<Instant> activities = calendar(random, 60);
		StreakState state = StreakState.none(freezes);
		int counted = 0;
		for (Instant at : activities) {
			StreakRules.Outcome outcome = StreakRules.record(state, at, zone);
			state = outcome.state();
			counted += outcome.counted() ? 1 : 0;
			assertThat(StreakRules.view(state, at, zone).current()).isEqualTo(state.current());
			assertThat(StreakRules.view(state, at, zone).todayCounted()).isTrue();
		}
		// The reference: the same rule over the distinct local dates.
		TreeSet<LocalDate> dates = new TreeSet<>();
		activities.forEach((at) -> dates.add(at.atZone(zone).toLocalDate()));
		int current = 0;
		int longest = 0;
		int held = freezes;
		LocalDate previous = null;
		for (LocalDate date : dates) {
			long missed = (previous != null) ? ChronoUnit.DAYS.between(previous, date) - 1 : 0;
			if (previous == null || missed <= held) {
				held -= (int) missed;
				current++;
			}
			else {
				current = 1;
			}
			longest = Math.max(longest, current);
			previous = date;
		}
		assertThat(counted).as("counted days in %s", zone).isEqualTo(dates.size());
		assertThat(state.current()).as("current in %s", zone).isEqualTo(current);
		assertThat(state.longest()).as("longest in %s", zone).isEqualTo(longest);
		assertThat(state.freezes()).as("freezes left in %s", zone).isEqualTo(held);
	}

	@RepeatedTest(500)
	void aChangeOfTimezoneNeverBreaksNorDoubleCountsADay(RepetitionInfo repetition) {
		Random random = new Random(1_000_000L + repetition.getCurrentRepetition());
		ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
		StreakState state = StreakState.none(random.nextInt(3));
		List<Instant> activities = calendar(random, 80);
		Instant previous = null;
		Instant lastCount = null;
		ZoneId lastCountZone = null;
		LocalDate lastLabel = null;
		int counts = 0;
		for (Instant at : activities) {
			ZoneId before = zone;
			if (random.nextInt(4) == 0) {
				zone = ZONES.get(random.nextInt(ZONES.size()));
			}
			StreakState old = state;
			StreakRules.Outcome outcome = StreakRules.record(state, at, zone);
			state = outcome.state();
			if (previous != null && ChronoUnit.DAYS.between(previous.atZone(zone).toLocalDate(),
					at.atZone(zone).toLocalDate()) <= 1) {
				assertThat(outcome.restarted())
					.as("active on consecutive dates of %s (was %s): %s then %s", zone, before, previous, at)
					.isFalse();
			}
			if (outcome.counted()) {
				counts++;
				if (lastCount != null) {
					assertThat(outcome.day()).as("counted days are later dates").isAfter(lastLabel);
					assertThat(at.atZone(lastCountZone).toLocalDate())
						.as("a new date in the zone of the previous count")
						.isAfter(lastCount.atZone(lastCountZone).toLocalDate());
					assertThat(at.atZone(zone).toLocalDate()).as("a new date in the zone now")
						.isAfter(lastCount.atZone(zone).toLocalDate());
				}
				lastCount = at;
				lastCountZone = zone;
				lastLabel = outcome.day();
			}
			assertThat(state.longest()).isGreaterThanOrEqualTo(Math.max(old.longest(), state.current()));
			assertThat(state.current()).isPositive();
			assertThat(state.freezes()).isBetween(0, old.freezes());
			// The deadline shown is exactly when the next activity would restart the
			// streak.
			Instant deadline = StreakRules.deadline(state, zone);
			assertThat(StreakRules.record(state, deadline.minusMillis(1), zone).restarted()).isFalse();
			assertThat(StreakRules.view(state, deadline.minusMillis(1), zone).current()).isEqualTo(state.current());
			assertThat(StreakRules.record(state, deadline, zone).restarted()).isTrue();
			assertThat(StreakRules.view(state, deadline, zone).current()).isZero();
			previous = at;
		}
		// Hopping zones cannot count days faster than the calendar: a local date is
		// within a
		// day of the UTC date, and counted dates strictly increase.
		long utcDays = ChronoUnit.DAYS.between(activities.get(0).atZone(ZoneOffset.UTC).toLocalDate(),
				activities.get(activities.size() - 1).atZone(ZoneOffset.UTC).toLocalDate());
		assertThat((long) counts).isLessThanOrEqualTo(utcDays + 3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago" })
	void dailyActivityJustAfterMidnightThroughADstChangeKeepsTheStreak(String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		StreakState state = StreakState.none(0);
		LocalDate day = LocalDate.of(2030, 3, 1);
		for (int i = 0; i < 250; i++) {
			Instant at = day.plusDays(i).atTime(0, 1).atZone(zone).toInstant();
			state = StreakRules.record(state, at, zone).state();
		}
		assertThat(state.current()).isEqualTo(250);
	}

	@Test
	void lateEveningThenEarlyMorningAcrossAFallBackNightAreTwoDays() {
		ZoneId zone = ZoneId.of("America/New_York");
		// 2030-11-03 has 25 hours in New York.
		Instant evening = LocalDateTime.of(2030, 11, 2, 23, 59).atZone(zone).toInstant();
		Instant nextNight = LocalDateTime.of(2030, 11, 4, 0, 0).atZone(zone).toInstant();
		StreakState state = StreakRules.record(StreakState.none(0), evening, zone).state();
		assertThat(Duration.between(evening, nextNight)).isEqualTo(Duration.ofHours(25).plusMinutes(1));
		StreakRules.Outcome outcome = StreakRules.record(state, nextNight, zone);
		assertThat(outcome.restarted()).isTrue();
		Instant sameDayLate = LocalDateTime.of(2030, 11, 3, 23, 59).atZone(zone).toInstant();
		assertThat(StreakRules.record(state, sameDayLate, zone).state().current()).isEqualTo(2);
	}

	@Test
	void movingEastRightAfterCountingDoesNotCountTheNewZonesDateAgain() {
		ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		Instant mondayLate = LocalDateTime.of(2030, 6, 3, 23, 0).atZone(losAngeles).toInstant();
		StreakState state = StreakRules.record(StreakState.none(0), mondayLate, losAngeles).state();
		// Half an hour later it is Tuesday afternoon in Tokyo.
		StreakRules.Outcome outcome = StreakRules.record(state, mondayLate.plus(Duration.ofMinutes(30)), tokyo);
		assertThat(outcome.counted()).isFalse();
		assertThat(outcome.state().current()).isEqualTo(1);
	}

	@Test
	void movingEastBetweenTwoDailyActivitiesDoesNotBreakTheStreak() {
		ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
		ZoneId tokyo = ZoneId.of("Asia/Tokyo");
		Instant monday = LocalDateTime.of(2030, 6, 3, 0, 30).atZone(losAngeles).toInstant();
		StreakState state = StreakRules.record(StreakState.none(0), monday, losAngeles).state();
		// Tuesday 23:30 in Los Angeles is Wednesday afternoon in Tokyo: two Tokyo dates
		// later.
		Instant tuesdayLate = LocalDateTime.of(2030, 6, 4, 23, 30).atZone(losAngeles).toInstant();
		StreakRules.Outcome outcome = StreakRules.record(state, tuesdayLate, tokyo);
		assertThat(outcome.counted()).isTrue();
		assertThat(outcome.restarted()).isFalse();
		assertThat(outcome.state().current()).isEqualTo(2);
	}

	@Test
	void aMissedDayUsesAFreezeAndTwoMissedDaysWithOneFreezeRestartKeepingIt() {
		ZoneId zone = ZoneId.of("Europe/Berlin");
		Instant day1 = LocalDateTime.of(2030, 5, 1, 12, 0).atZone(zone).toInstant();
		StreakState state = StreakRules.record(StreakState.none(1), day1, zone).state();
		StreakRules.Outcome frozen = StreakRules.record(state, day1.plus(Duration.ofDays(2)), zone);
		assertThat(frozen.freezesUsed()).isEqualTo(1);
		assertThat(frozen.state().current()).isEqualTo(2);
		assertThat(frozen.state().freezes()).isZero();
		StreakRules.Outcome lost = StreakRules.record(state, day1.plus(Duration.ofDays(3)), zone);
		assertThat(lost.restarted()).isTrue();
		assertThat(lost.state().current()).isEqualTo(1);
		assertThat(lost.state().freezes()).isEqualTo(1);
		assertThat(lost.state().longest()).isEqualTo(1);
	}

	/**
	 * Increasing instants: mostly one or two a day at random hours, sometimes hours
	 * apart, sometimes days apart.
	 */
	private static List<Instant> calendar(Random random, int size) {
		List<Instant> activities = new ArrayList<>();
		Instant at = STARTS.get(random.nextInt(STARTS.size())).plusSeconds(random.nextInt(86_400));
		for (int i = 0; i < size; i++) {
			activities.add(at);
			int kind = random.nextInt(10);
			long minutes;
			if (kind < 2) {
				minutes = random.nextInt(6 * 60);
			}
			else if (kind < 9) {
				minutes = 12 * 60 + random.nextInt(30 * 60);
			}
			else {
				minutes = 2 * 24 * 60 + random.nextInt(4 * 24 * 60);
			}
			at = at.plus(Duration.ofMinutes(minutes)).plusSeconds(random.nextInt(60));
		}
		return activities;
	}

}
