package io.questline.mining;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles sessions nobody ended, at their end. Safe on several instances: each batch
 * locks its rows with {@code SKIP LOCKED}, and settling is guarded by the row's state and
 * the ledger reference.
 */
@Component
class MiningSettlementJob {

	private static final Logger logger = LoggerFactory.getLogger(MiningSettlementJob.class);

	private final MiningSessionService service;

	private final MiningProperties properties;

	MiningSettlementJob(MiningSessionService service, MiningProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${questline.mining.settle-every:PT1M}",
			initialDelayString = "${questline.mining.settle-every:PT1M}")
	void settleOverdue() {
		try {
			int settled;
			do {
				settled = this.service.settleOverdue(this.properties.settleBatchSize());
			}
			while (settled == this.properties.settleBatchSize());
		}
		catch (RuntimeException ex) {
			logger.warn("Settling overdue mining sessions failed; the next run retries", ex);
		}
	}

}
