package io.questline.recommendations;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.questline.shared.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a vote and moves the learned counts: one vote per recommendation, a repeat
 * replaces it (the old vote's count is taken back, so nothing is counted twice).
 */
@Service
class FeedbackRecorder {

	private final Impressions impressions;

	private final FeedbackVotes votes;

	private final StrategyScores scores;

	private final Clock clock;

	FeedbackRecorder(Impressions impressions, FeedbackVotes votes, StrategyScores scores, Clock clock) {
		this.impressions = impressions;
		this.votes = votes;
		this.scores = scores;
		this.clock = clock;
	}

	@Transactional
	void record(UUID userId, UUID recommendationId, boolean helpful, String comment) {
		Impressions.Shown shown = this.impressions.lockOwned(recommendationId, userId)
			.orElseThrow(() -> new NotFoundException("Recommendation"));
		Optional<Boolean> previous = this.votes.helpful(recommendationId);
		this.votes.save(recommendationId, userId, helpful, comment, this.clock.instant());
		if (previous.isPresent() && previous.get() == helpful) {
			return;
		}
		int helpfulDelta = (helpful ? 1 : 0) - ((previous.isPresent() && previous.get()) ? 1 : 0);
		int unhelpfulDelta = (helpful ? 0 : 1) - ((previous.isPresent() && !previous.get()) ? 1 : 0);
		this.scores.add(shown.strategy(), shown.segment(), helpfulDelta, unhelpfulDelta);
	}

}
