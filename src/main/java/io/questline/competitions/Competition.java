package io.questline.competitions;

import java.time.Instant;
import java.util.List;

/**
 * An event: a window, a metric and prizes per rank.
 *
 * @param id the event id
 * @param name its name
 * @param description what it is about, may be {@code null}
 * @param startsAt when scoring starts
 * @param endsAt when scoring stops and the board becomes final
 * @param metric what it counts
 * @param prizes what each rank wins, by rank
 * @param state {@code open}, or {@code final} once the prizes are paid
 */
record Competition(long id, String name, String description, Instant startsAt, Instant endsAt, Metric metric,
		List<Prize> prizes, String state) {

	boolean isLive(Instant now) {
		return "open".equals(this.state) && !now.isBefore(this.startsAt) && now.isBefore(this.endsAt);
	}

}
