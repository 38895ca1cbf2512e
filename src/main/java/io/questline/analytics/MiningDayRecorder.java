package io.questline.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.questline.mining.MiningSessionCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the daily mining aggregate up to date, in the settling transaction (mining
 * publishes the event exactly once per session, so adding is safe).
 */
@Component
class MiningDayRecorder {

	private final MiningDays days;

	MiningDayRecorder(MiningDays days) {
		this.days = days;
	}

	@EventListener
	void on(MiningSessionCompleted completed) {
		this.days.add(completed.userId(), LocalDate.ofInstant(completed.endedAt(), ZoneOffset.UTC),
				completed.credited(), 1);
	}

}
