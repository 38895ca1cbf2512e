package io.questline.shared.ratelimit;

import java.time.Duration;

/**
 * A named quota: {@code capacity} requests per {@code window}, refilled smoothly.
 *
 * @param name the policy name shown in the {@code RateLimit-Policy} header
 * @param capacity how many requests a window allows
 * @param window the window
 */
public record RatePolicy(String name, long capacity, Duration window) {

	/**
	 * The IETF {@code RateLimit-Policy} header value.
	 * @return e.g. {@code "write";q=60;w=60}
	 */
	String header() {
		return "\"" + this.name + "\";q=" + this.capacity + ";w=" + this.window.toSeconds();
	}

}
