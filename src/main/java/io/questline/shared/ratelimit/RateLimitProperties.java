package io.questline.shared.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quotas per policy class ({@code auth}, {@code write}, {@code read}, {@code admin},
 * {@code webhook}), each {@code capacity} requests per {@code window}.
 *
 * @param policies the quotas by policy name
 * @param redisUrl {@code REDIS_URL}: when set, buckets live in Redis and are shared by
 * every instance
 */
@ConfigurationProperties("questline.rate-limits")
public record RateLimitProperties(Map<String, Quota> policies, String redisUrl) {

	RatePolicy policy(String name) {
		Quota quota = this.policies.get(name);
		if (quota == null) {
			throw new IllegalStateException("No rate-limit policy named " + name + " is configured");
		}
		return new RatePolicy(name, quota.capacity(), quota.window());
	}

	/**
	 * One quota.
	 *
	 * @param capacity requests allowed per window
	 * @param window the window
	 */
	public record Quota(long capacity, Duration window) {

	}

}
