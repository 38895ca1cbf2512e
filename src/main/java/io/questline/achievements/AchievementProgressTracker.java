package io.questline.achievements;

import java.time.Instant;

import io.questline.competitions.EventJoined;
import io.questline.learning.ModuleCompleted;
import io.questline.learning.PathCompleted;
import io.questline.mining.MiningSessionCompleted;
import io.questline.referrals.ReferralRewarded;
import io.questline.squads.SquadJoined;
import io.questline.streaks.StreakDayCounted;
import io.questline.tasks.TaskCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each user's achievement counters from what they really did. Listeners run inside
 * the transaction of the cause, so a counter moves exactly when the thing it counts
 * commits.
 */
@Component
class AchievementProgressTracker {

	private final Achievements achievements;

	AchievementProgressTracker(Achievements achievements) {
		this.achievements = achievements;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(MiningSessionCompleted event) {
		Instant at = event.endedAt();
		if (event.credited() > 0) {
			this.achievements.add(event.userId(), Metric.COINS_MINED, event.credited(), at);
		}
		this.achievements.raiseTo(event.userId(), Metric.SESSIONS_COMPLETED, event.completedSessions(), at);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(StreakDayCounted event) {
		this.achievements.raiseTo(event.userId(), Metric.STREAK_DAYS, event.longestDays(), event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(TaskCompleted event) {
		this.achievements.add(event.userId(), Metric.TASKS_COMPLETED, 1, event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(ModuleCompleted event) {
		this.achievements.add(event.userId(), Metric.MODULES_COMPLETED, 1, event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(PathCompleted event) {
		this.achievements.add(event.userId(), Metric.PATHS_COMPLETED, 1, event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(ReferralRewarded event) {
		this.achievements.add(event.referrerId(), Metric.REFERRALS_REWARDED, 1, event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(SquadJoined event) {
		// Raised, not added: leaving and joining again must not farm a count.
		this.achievements.raiseTo(event.userId(), Metric.SQUADS_JOINED, 1, event.at());
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	public void on(EventJoined event) {
		this.achievements.add(event.userId(), Metric.EVENTS_JOINED, 1, event.at());
	}

}
