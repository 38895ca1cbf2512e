package io.questline.recommendations;

import java.time.Duration;
import java.time.Instant;

/**
 * Who learns together. New users are still finding their way (start mining, invite
 * friends) while established ones protect what they built (streaks, squads), so what
 * helps one group is learned apart from the other instead of being averaged away.
 */
enum Segment {

	NEW, ESTABLISHED;

	static Segment of(Instant accountCreatedAt, Instant now, Duration newUserAge) {
		return accountCreatedAt.plus(newUserAge).isAfter(now) ? NEW : ESTABLISHED;
	}

	String code() {
		return name().toLowerCase();
	}

}
