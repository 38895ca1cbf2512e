package io.questline.streaks;

import java.time.Instant;
import java.util.UUID;

import io.questline.learning.ModuleCompleted;
import io.questline.mining.MiningSessionStarted;
import io.questline.tasks.TaskCompleted;
import io.questline.users.UserDirectory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts streak days from the activities that make one (starting a mining session,
 * completing a task or a module), inside the transaction of the activity, so a day is
 * counted if and only if the activity happened.
 */
@Component
class StreakTracker {

	private final Streaks streaks;

	private final UserDirectory users;

	private final ApplicationEventPublisher events;

	StreakTracker(Streaks streaks, UserDirectory users, ApplicationEventPublisher events) {
		this.streaks = streaks;
		this.users = users;
		this.events = events;
	}

	@EventListener
	@Transactional
	public void on(MiningSessionStarted event) {
		count(event.userId(), event.startedAt());
	}

	@EventListener
	@Transactional
	public void on(TaskCompleted event) {
		count(event.userId(), event.at());
	}

	@EventListener
	@Transactional
	public void on(ModuleCompleted event) {
		count(event.userId(), event.at());
	}

	private void count(UUID userId, Instant at) {
		StreakState before = this.streaks.lock(userId, at);
		StreakRules.Outcome outcome = StreakRules.record(before, at, this.users.zoneOf(userId));
		this.streaks.save(userId, outcome.state(), at);
		if (outcome.counted()) {
			this.events.publishEvent(new StreakDayCounted(userId, outcome.day(), outcome.state().current(),
					outcome.state().longest(), at));
		}
	}

}
