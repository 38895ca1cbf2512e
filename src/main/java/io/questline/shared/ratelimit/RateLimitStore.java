package io.questline.shared.ratelimit;

/**
 * Where buckets live. The in-process store serves one instance; a shared store (Redis,
 * through bucket4j's Lettuce integration) slots in here when several instances run,
 * without touching callers.
 */
public interface RateLimitStore {

	/**
	 * Takes one token from the bucket of a key.
	 * @param key who is asking, under which policy
	 * @param policy the quota of that bucket
	 * @return whether the request may go on, and what is left
	 */
	Consumption tryConsume(String key, RatePolicy policy);

	/**
	 * The outcome of one attempt.
	 *
	 * @param allowed whether a token was taken
	 * @param remaining tokens left after it
	 * @param resetSeconds seconds until the bucket is full again
	 * @param retryAfterSeconds seconds until a refused request may try again
	 */
	record Consumption(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {

	}

}
