package io.questline.recommendations;

import java.util.regex.Pattern;

/**
 * One suggested strategy for one user.
 *
 * @param strategy a stable key, lower-case with underscores ({@code start_session},
 * {@code join_squad}); feedback is learned per key, so keep it stable
 * @param title a short imperative title
 * @param reason why, in plain words, with the user's own numbers
 * @param expectedGain millicoins the user can expect from it, computed from the Rules
 */
public record Candidate(String strategy, String title, String reason, long expectedGain) {

	private static final Pattern STRATEGY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	public Candidate {
		if (strategy == null || !STRATEGY.matcher(strategy).matches()) {
			throw new IllegalArgumentException("A strategy key is lower-case letters, digits and _: " + strategy);
		}
		if (title == null || title.isBlank() || reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A candidate needs a title and a reason");
		}
		if (expectedGain < 0) {
			throw new IllegalArgumentException("An expected gain is never negative");
		}
	}

}
