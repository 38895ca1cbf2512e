package io.questline.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.mining.MiningActivity;
import io.questline.squads.SquadDirectory;
import io.questline.squads.SquadDirectory.SquadSummary;
import io.questline.streaks.StreakStatus;
import io.questline.users.UserDirectory;

import org.springframework.stereotype.Service;

/**
 * A user's dashboard and performance, with days counted in the user's timezone.
 */
@Service
class AnalyticsReports {

	private final UserActivity activity;

	private final MiningDays miningDays;

	private final ActiveUserDistribution distribution;

	private final Ledger ledger;

	private final MiningActivity mining;

	private final StreakStatus streaks;

	private final UserDirectory users;

	private final SquadDirectory squads;

	private final AnalyticsProperties properties;

	private final Clock clock;

	AnalyticsReports(UserActivity activity, MiningActivity mining, StreakStatus streaks, MiningDays miningDays,
			ActiveUserDistribution distribution, Ledger ledger, UserDirectory users, SquadDirectory squads,
			AnalyticsProperties properties, Clock clock) {
		this.activity = activity;
		this.mining = mining;
		this.streaks = streaks;
		this.miningDays = miningDays;
		this.distribution = distribution;
		this.ledger = ledger;
		this.users = users;
		this.squads = squads;
		this.properties = properties;
		this.clock = clock;
	}

	Dashboard dashboard(UUID userId) {
		Instant now = this.clock.instant();
		ZoneId zone = this.users.zoneOf(userId);
		LocalDate today = LocalDate.ofInstant(now, zone);
		Map<LocalDate, Long> earned = this.activity.earnedByDay(userId, zone,
				today.minusDays(29).atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant(),
				this.properties.earningAccounts());
		int streak = this.streaks.of(userId).current();
		ActiveSession session = this.mining.openSession(userId)
			.map((open) -> new ActiveSession(open.id(), open.startedAt(), open.endsAt(), open.ratePerHour(),
					open.accruedAt(now)))
			.orElse(null);
		long mined = this.miningDays.minedSince(userId, this.distribution.windowStart(now));
		return new Dashboard(this.ledger.balanceOf(userId), sum(earned, today, 1), sum(earned, today, 7),
				sum(earned, today, 30), streak, session, this.squads.squadOf(userId).orElse(null),
				this.distribution.rankOf(mined));
	}

	Performance performance(UUID userId, int days) {
		Instant now = this.clock.instant();
		ZoneId zone = this.users.zoneOf(userId);
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate first = today.minusDays(days - 1L);
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
		Map<LocalDate, Long> earned = this.activity.earnedByDay(userId, zone, from, to,
				this.properties.earningAccounts());
		Map<LocalDate, Integer> sessions = this.mining.sessionsStartedByDay(userId, zone, from, to);
		List<Day> series = new ArrayList<>(days);
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			series.add(new Day(day, earned.getOrDefault(day, 0L), sessions.getOrDefault(day, 0)));
		}
		long rate = this.mining.minedTime(userId, from, to).perHour();
		long mined = this.miningDays.minedSince(userId, this.distribution.windowStart(now));
		return new Performance(series, rate, this.distribution.percentileOf(mined));
	}

	private static long sum(Map<LocalDate, Long> earned, LocalDate today, int days) {
		LocalDate first = today.minusDays(days - 1L);
		return earned.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().isBefore(first) && !entry.getKey().isAfter(today))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	/**
	 * The dashboard.
	 *
	 * @param balance millicoins held
	 * @param earnedToday earned since midnight in the user's timezone
	 * @param earned7d earned over the last 7 days, today included
	 * @param earned30d earned over the last 30 days, today included
	 * @param streak the current streak in days
	 * @param activeSession the unsettled mining session, or {@code null}
	 * @param squad the user's squad, or {@code null} when in none
	 * @param rank the user's rank by coins mined over the active window among the users
	 * who mined in it (1 for the most, equal totals share a rank), or {@code null} when
	 * the user did not mine in it
	 */
	record Dashboard(long balance, long earnedToday, long earned7d, long earned30d, int streak,
			ActiveSession activeSession, SquadSummary squad, Long rank) {

	}

	/**
	 * A session not settled yet.
	 *
	 * @param id the session
	 * @param startedAt when it started
	 * @param endsAt when it stops earning
	 * @param ratePerHour millicoins per hour
	 * @param accrued millicoins earned so far (server time)
	 */
	record ActiveSession(long id, Instant startedAt, Instant endsAt, long ratePerHour, long accrued) {

	}

	/**
	 * The performance report.
	 *
	 * @param series one entry per day, oldest first, zeros where nothing happened
	 * @param averageRatePerHour millicoins per hour over the window's settled sessions
	 * @param percentile the user's standing among active users, or {@code null} when not
	 * active
	 */
	record Performance(List<Day> series, long averageRatePerHour, Double percentile) {

	}

	/**
	 * One day of the series.
	 *
	 * @param date the day in the user's timezone
	 * @param earned millicoins earned
	 * @param sessions mining sessions started
	 */
	record Day(LocalDate date, long earned, int sessions) {

	}

}
