package io.questline.shared.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis (bucket4j's compare-and-swap over Lettuce), shared by every instance.
 * Keys expire once their bucket would be full again. If Redis cannot be reached, requests
 * are counted by the in-process store instead of failing: a Redis outage must not take
 * the API down, and each instance still limits on its own.
 */
class RedisRateLimitStore implements RateLimitStore, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisRateLimitStore.class);

	private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);

	private final RedisClient client;

	private StatefulRedisConnection<String, byte[]> connection;

	private volatile ProxyManager<String> buckets;

	private long nextConnectAttempt;

	private final RateLimitStore fallback;

	private final AtomicLong lastWarning = new AtomicLong();

	RedisRateLimitStore(String url, RateLimitStore fallback) {
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(Duration.ofMillis(500));
		this.client = RedisClient.create(uri);
		this.fallback = fallback;
	}

	/**
	 * Connects on first use (so the service starts while Redis is down), and at most
	 * every few seconds after a failed attempt. Once connected, Lettuce reconnects by
	 * itself.
	 */
	private ProxyManager<String> buckets() {
		ProxyManager<String> current = this.buckets;
		if (current != null) {
			return current;
		}
		synchronized (this) {
			if (this.buckets == null) {
				long now = System.nanoTime();
				if (now < this.nextConnectAttempt) {
					throw new IllegalStateException("Redis is not connected");
				}
				try {
					this.connection = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				}
				catch (RuntimeException ex) {
					this.nextConnectAttempt = now + RECONNECT_PAUSE.toNanos();
					throw ex;
				}
				this.buckets = Bucket4jLettuce.casBasedBuilder(this.connection)
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
					.build();
			}
			return this.buckets;
		}
	}

	@Override
	public Consumption tryConsume(String key, RatePolicy policy) {
		try {
			ConsumptionProbe probe = buckets().getProxy("questline:rl:" + key, () -> configuration(policy))
				.tryConsumeAndReturnRemaining(1);
			long reset = seconds(probe.getNanosToWaitForReset());
			long retryAfter = probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill()));
			return new Consumption(probe.isConsumed(), probe.getRemainingTokens(), reset, retryAfter);
		}
		catch (RuntimeException ex) {
			long now = System.nanoTime();
			long last = this.lastWarning.get();
			if (now - last > Duration.ofMinutes(1).toNanos() && this.lastWarning.compareAndSet(last, now)) {
				logger.warn("Redis rate-limit store unavailable, limiting in process: {}", ex.getMessage());
			}
			return this.fallback.tryConsume(key, policy);
		}
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		this.client.shutdown();
	}

	private static BucketConfiguration configuration(RatePolicy policy) {
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder()
				.capacity(policy.capacity())
				.refillGreedy(policy.capacity(), policy.window())
				.build())
			.build();
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
