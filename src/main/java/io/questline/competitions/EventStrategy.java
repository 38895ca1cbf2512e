package io.questline.competitions;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.questline.recommendations.Candidate;
import io.questline.recommendations.Coins;
import io.questline.recommendations.StrategySource;

/**
 * Join a live event the user has not joined. Of those, the one whose smallest prize is
 * largest. The gain is that smallest prize: what the last paid rank wins, a floor for a
 * participant who places at all (and a certainty while fewer have joined than there are
 * prizes); an event without prizes is not suggested.
 */
@Component
class EventStrategy implements StrategySource {

	/** Live events looked at: few run at once, and the query is bounded by it. */
	static final int MAX_LIVE = 20;

	private final Competitions competitions;

	EventStrategy(Competitions competitions) {
		this.competitions = competitions;
	}

	@Override
	public List<Candidate> candidatesFor(UUID userId, Instant now) {
		Optional<Competitions.LiveCompetition> best = this.competitions.live(userId, now, MAX_LIVE)
			.stream()
			.filter((live) -> !live.joined() && !live.competition().prizes().isEmpty())
			.max(Comparator.comparingLong(EventStrategy::smallestPrize));
		if (best.isEmpty()) {
			return List.of();
		}
		Competition event = best.get().competition();
		long gain = smallestPrize(best.get());
		String reason = "The event \"" + event.name() + "\" is live until " + event.endsAt()
				+ " and you have not joined. " + event.prizes().size() + " ranks win prizes, from " + Coins.format(gain)
				+ " coins up to " + Coins.format(event.prizes().stream().mapToLong(Prize::reward).max().orElse(0))
				+ "; " + best.get().participants() + " joined so far.";
		return List.of(new Candidate("join_event", "Join " + event.name(), reason, gain));
	}

	private static long smallestPrize(Competitions.LiveCompetition live) {
		return live.competition().prizes().stream().mapToLong(Prize::reward).min().orElse(0);
	}

}
