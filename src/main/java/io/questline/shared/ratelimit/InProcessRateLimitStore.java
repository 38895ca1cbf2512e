package io.questline.shared.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Buckets in this JVM (bucket4j). Idle buckets are full again once their window has
 * passed, so dropping them then loses nothing and keeps memory bounded by recent callers.
 */
class InProcessRateLimitStore implements RateLimitStore {

	private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

	@Override
	public Consumption tryConsume(String key, RatePolicy policy) {
		Entry entry = this.buckets.computeIfAbsent(key, (k) -> new Entry(newBucket(policy), policy.window()));
		entry.lastUsed = System.nanoTime();
		ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
		long reset = seconds(probe.getNanosToWaitForReset());
		long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
		return new Consumption(probe.isConsumed(), probe.getRemainingTokens(), reset, retryAfter);
	}

	@Scheduled(fixedDelay = 60, timeUnit = TimeUnit.SECONDS)
	void dropIdleBuckets() {
		long now = System.nanoTime();
		this.buckets.values().removeIf((entry) -> now - entry.lastUsed > entry.window.toNanos());
	}

	int size() {
		return this.buckets.size();
	}

	private static Bucket newBucket(RatePolicy policy) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(policy.capacity())
				.refillGreedy(policy.capacity(), policy.window())
				.build())
			.build();
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

	private static final class Entry {

		private final Bucket bucket;

		private final Duration window;

		private volatile long lastUsed;

		Entry(Bucket bucket, Duration window) {
			this.bucket = bucket;
			this.window = window;
		}

	}

}
