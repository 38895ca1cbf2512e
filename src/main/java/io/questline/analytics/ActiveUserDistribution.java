package io.questline.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * What active users mined over the last {@code activeDays}, sorted, held in memory and
 * rebuilt from the daily aggregate when older than {@code distributionRefresh}. A
 * percentile is then two binary searches, and no request reads everyone's history: one
 * request every few minutes reads the aggregate's window (one row per active user and
 * day), while the others keep using the previous snapshot.
 */
@Component
class ActiveUserDistribution {

	private final MiningDays days;

	private final Clock clock;

	private final int activeDays;

	private final Duration refresh;

	private final ReentrantLock rebuilding = new ReentrantLock();

	private volatile Snapshot snapshot;

	ActiveUserDistribution(MiningDays days, Clock clock, AnalyticsProperties properties) {
		this.days = days;
		this.clock = clock;
		this.activeDays = properties.activeDays();
		this.refresh = properties.distributionRefresh();
	}

	/** The first UTC day of the window that counts at an instant. */
	LocalDate windowStart(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(this.activeDays - 1L);
	}

	/**
	 * Where a total stands among active users: the share below it plus half the share
	 * equal to it, in percent with one decimal; {@code null} for an inactive total.
	 */
	Double percentileOf(long total) {
		if (total <= 0) {
			return null;
		}
		long[] totals = current().totals();
		if (totals.length == 0) {
			return 50.0;
		}
		int below = firstIndexNotBelow(totals, total);
		int equal = firstIndexNotBelow(totals, total + 1) - below;
		double percentile = 100.0 * (below + equal / 2.0) / totals.length;
		return Math.round(percentile * 10) / 10.0;
	}

	/**
	 * Where a total ranks among active users by coins mined, 1 for the most: one more
	 * than the totals above it, so equal totals share a rank; {@code null} for an
	 * inactive total.
	 */
	Long rankOf(long total) {
		if (total <= 0) {
			return null;
		}
		long[] totals = current().totals();
		return 1L + totals.length - firstIndexNotBelow(totals, total + 1);
	}

	private Snapshot current() {
		Instant now = this.clock.instant();
		Snapshot current = this.snapshot;
		if (current != null && isFresh(current, now)) {
			return current;
		}
		// One rebuild at a time; the others answer from the old snapshot if there is one.
		if (current != null && !this.rebuilding.tryLock()) {
			return current;
		}
		if (current == null) {
			this.rebuilding.lock();
		}
		try {
			current = this.snapshot;
			if (current == null || !isFresh(current, now)) {
				current = build(now);
				this.snapshot = current;
			}
			return current;
		}
		finally {
			this.rebuilding.unlock();
		}
	}

	private boolean isFresh(Snapshot snapshot, Instant now) {
		// Tests move the clock both ways; a snapshot from "the future" is stale too.
		return !now.isBefore(snapshot.builtAt()) && now.isBefore(snapshot.builtAt().plus(this.refresh));
	}

	private Snapshot build(Instant now) {
		long[][] holder = { new long[1024] };
		int[] size = { 0 };
		this.days.totalsSince(windowStart(now), (total) -> {
			if (size[0] == holder[0].length) {
				holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
			}
			holder[0][size[0]++] = total;
		});
		long[] totals = Arrays.copyOf(holder[0], size[0]);
		Arrays.sort(totals);
		return new Snapshot(totals, now);
	}

	private static int firstIndexNotBelow(long[] sorted, long value) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted[mid] < value) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

	private record Snapshot(long[] totals, Instant builtAt) {

	}

}
