package io.questline.recommendations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import io.questline.users.UserDirectory;
import io.questline.users.UserSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a user's recommendations: asks every {@link StrategySource}, ranks what applies
 * (learned order, or the unlearned one for the holdout) and records what was shown.
 */
@Service
class Recommender {

	private static final Logger logger = LoggerFactory.getLogger(Recommender.class);

	private final ObjectProvider<StrategySource> sources;

	private final StrategyScores scores;

	private final Impressions impressions;

	private final UserDirectory users;

	private final Holdout holdout;

	private final RecommendationProperties properties;

	private final StrategyRanker ranker;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Recommender(ObjectProvider<StrategySource> sources, StrategyScores scores, Impressions impressions,
			UserDirectory users, Holdout holdout, RecommendationProperties properties, TransactionTemplate transactions,
			Clock clock) {
		this.sources = sources;
		this.scores = scores;
		this.impressions = impressions;
		this.users = users;
		this.holdout = holdout;
		this.properties = properties;
		this.ranker = new StrategyRanker(properties.priorHelpful(), properties.priorUnhelpful());
		this.transactions = transactions;
		this.clock = clock;
	}

	List<Shown> recommend(UUID userId) {
		Instant now = this.clock.instant();
		List<Candidate> candidates = candidates(userId, now);
		if (candidates.isEmpty()) {
			return List.of();
		}
		Instant createdAt = this.users.find(userId).map(UserSummary::createdAt).orElse(now);
		String segment = Segment.of(createdAt, now, this.properties.newUserAge()).code();
		boolean inHoldout = this.holdout.contains(userId);
		List<Candidate> ranked;
		if (inHoldout) {
			ranked = StrategyRanker.byExpectedGain(candidates);
		}
		else {
			List<String> strategies = candidates.stream().map(Candidate::strategy).distinct().toList();
			// Seeded from the user and the clock: a fresh draw per request, repeatable in
			// tests.
			SplittableRandom random = new SplittableRandom(
					userId.getMostSignificantBits() * 31 + userId.getLeastSignificantBits() ^ now.toEpochMilli());
			ranked = this.ranker.learned(candidates, this.scores.of(segment, strategies), random);
		}
		List<Shown> shown = new ArrayList<>();
		for (Candidate candidate : ranked.subList(0, Math.min(ranked.size(), this.properties.maxItems()))) {
			shown.add(new Shown(UUID.randomUUID(), candidate));
		}
		this.transactions.executeWithoutResult((status) -> {
			int position = 1;
			for (Shown item : shown) {
				this.impressions.insert(new Impressions.Impression(item.id(), userId, item.candidate().strategy(),
						segment, inHoldout, position++, item.candidate().expectedGain(), now));
			}
		});
		return shown;
	}

	private List<Candidate> candidates(UUID userId, Instant now) {
		List<Candidate> candidates = new ArrayList<>();
		for (StrategySource source : this.sources) {
			try {
				candidates.addAll(source.candidatesFor(userId, now));
			}
			catch (RuntimeException ex) {
				// One broken feature must not take every suggestion down with it.
				logger.warn("Strategy source {} failed; skipped", source.getClass().getSimpleName(), ex);
			}
		}
		return candidates;
	}

	/**
	 * A recommendation as shown.
	 *
	 * @param id the impression id the client votes on
	 * @param candidate what was recommended
	 */
	record Shown(UUID id, Candidate candidate) {

	}

}
