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
 * Join a live event the user has not joined: of those, the one with the best expected
 * prize. The gain is the user's even share of the prizes that would be paid among
 * everyone who joined, them included: with {@code n} participants before them, the prizes
 * of the first {@code n + 1} ranks divided by {@code n + 1}. So a fresh event with a big
 * first prize counts for much, a crowded one for little, and an event without prizes is
 * not suggested.
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
			.max(Comparator.comparingLong(EventStrategy::expectedPrize));
		if (best.isEmpty()) {
			return List.of();
		}
		Competition event = best.get().competition();
		long gain = expectedPrize(best.get());
		String reason = "The event \"" + event.name() + "\" is live until " + event.endsAt()
				+ " and you have not joined. " + event.prizes().size() + " ranks win prizes, up to "
				+ Coins.format(event.prizes().stream().mapToLong(Prize::reward).max().orElse(0)) + " coins; with "
				+ best.get().participants() + " joined so far, an even share of the prizes is " + Coins.format(gain)
				+ " coins.";
		return List.of(new Candidate("join_event", "Join " + event.name(), reason, gain));
	}

	/** The caller's even share of the prizes paid if they join now. */
	static long expectedPrize(Competitions.LiveCompetition live) {
		long entrants = Math.max(1, live.participants() + 1);
		long paid = live.competition().prizes().stream().limit(entrants).mapToLong(Prize::reward).sum();
		return paid / entrants;
	}

}
