package io.questline.streaks;

import java.time.Instant;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.mining.MiningActivity;
import io.questline.mining.MiningSessionCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays milestones as they are reached, inside the transaction that reached them. The
 * reward is paid once: the reached row's primary key and the ledger reference
 * {@code milestone:<userId>:<code>} each refuse a second payment.
 */
@Component
class MilestoneAwards {

	static final String STREAK_DAYS = "streak_days";

	static final String COINS_MINED = "coins_mined";

	static final String SESSIONS_COMPLETED = "sessions_completed";

	private final Milestones milestones;

	private final MiningActivity mining;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	MilestoneAwards(Milestones milestones, MiningActivity mining, Ledger ledger, ApplicationEventPublisher events) {
		this.milestones = milestones;
		this.mining = mining;
		this.ledger = ledger;
		this.events = events;
	}

	@EventListener
	@Transactional
	public void on(StreakDayCounted event) {
		award(event.userId(), STREAK_DAYS, event.longestDays(), event.at());
	}

	@EventListener
	@Transactional
	public void on(MiningSessionCompleted event) {
		award(event.userId(), COINS_MINED, this.mining.coinsMined(event.userId()), event.endedAt());
		award(event.userId(), SESSIONS_COMPLETED, event.completedSessions(), event.endedAt());
	}

	private void award(UUID userId, String metric, long progress, Instant at) {
		for (Milestones.Milestone milestone : this.milestones.unreached(userId, metric, progress)) {
			if (this.milestones.markReached(userId, milestone, at)) {
				this.ledger.credit(userId, SystemAccount.REWARDS, milestone.reward(), "milestone",
						"milestone:" + userId + ":" + milestone.code());
				this.events.publishEvent(new MilestoneReached(userId, milestone.code(), milestone.reward(), at));
			}
		}
	}

}
