package io.questline.competitions;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.questline.learning.ModuleCompleted;
import io.questline.mining.MiningSessionCompleted;
import io.questline.tasks.TaskCompleted;

/**
 * Scores events from server-side activity only, in the transaction of the activity (so a
 * score never exists without its cause). Activity counts for an event when it happens
 * after the user joined and inside the window, and only while the board is not final.
 */
@Component
class ScoreKeeper {

	private final Participants participants;

	private final Clock clock;

	ScoreKeeper(Participants participants, Clock clock) {
		this.participants = participants;
		this.clock = clock;
	}

	/**
	 * A settled session scores its coins for the part of it mined after joining and
	 * inside the window (pro rata), and counts as a completed session when it ended in
	 * there.
	 */
	@EventListener
	@Transactional
	void on(MiningSessionCompleted completed) {
		Instant now = this.clock.instant();
		// One locking read for both metrics keeps the rank-tree writes in event order.
		for (Participants.ScoringEntry scoring : this.participants.lockOpenEntries(completed.userId(),
				List.of(Metric.COINS_MINED, Metric.SESSIONS_COMPLETED), now)) {
			long delta = (scoring.metric() == Metric.COINS_MINED)
					? coinsInside(completed, from(scoring), scoring.endsAt())
					: (isInside(scoring, completed.endedAt()) ? 1 : 0);
			if (delta > 0) {
				this.participants.addScore(scoring, delta, now);
			}
		}
	}

	@EventListener
	@Transactional
	void on(TaskCompleted completed) {
		countOne(completed.userId(), Metric.TASKS_COMPLETED, completed.at());
	}

	@EventListener
	@Transactional
	void on(ModuleCompleted completed) {
		countOne(completed.userId(), Metric.MODULES_COMPLETED, completed.at());
	}

	private void countOne(UUID userId, Metric metric, Instant at) {
		Instant now = this.clock.instant();
		for (Participants.ScoringEntry scoring : this.participants.lockOpenEntries(userId, List.of(metric), now)) {
			if (isInside(scoring, at)) {
				this.participants.addScore(scoring, 1, now);
			}
		}
	}

	private static boolean isInside(Participants.ScoringEntry scoring, Instant at) {
		return !at.isBefore(from(scoring)) && at.isBefore(scoring.endsAt());
	}

	private static Instant from(Participants.ScoringEntry scoring) {
		Instant joinedAt = scoring.entry().joinedAt();
		return joinedAt.isAfter(scoring.startsAt()) ? joinedAt : scoring.startsAt();
	}

	/**
	 * The share of a session's coins mined between two instants, rounded down.
	 */
	static long coinsInside(MiningSessionCompleted session, Instant from, Instant to) {
		Instant start = session.startedAt();
		Instant end = session.endedAt();
		if (session.credited() <= 0 || end.isBefore(start)) {
			return 0;
		}
		if (!end.isAfter(start)) {
			return (!end.isBefore(from) && end.isBefore(to)) ? session.credited() : 0;
		}
		Instant overlapStart = start.isAfter(from) ? start : from;
		Instant overlapEnd = end.isBefore(to) ? end : to;
		if (!overlapEnd.isAfter(overlapStart)) {
			return 0;
		}
		long overlap = Duration.between(overlapStart, overlapEnd).toMillis();
		long whole = Duration.between(start, end).toMillis();
		if (overlap >= whole) {
			return session.credited();
		}
		return BigInteger.valueOf(session.credited())
			.multiply(BigInteger.valueOf(overlap))
			.divide(BigInteger.valueOf(whole))
			.longValue();
	}

}
