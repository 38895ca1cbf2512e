package io.questline.competitions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure a fresh server has an event to join: at start-up, when no event is live, one
 * starts now. A transaction-scoped advisory lock (fine behind a transaction pooler) keeps
 * instances starting together from making one each.
 */
@Component
class DemoEvent {

	private static final Logger logger = LoggerFactory.getLogger(DemoEvent.class);

	private final Competitions competitions;

	private final CompetitionProperties properties;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoEvent(Competitions competitions, CompetitionProperties properties, TransactionTemplate transactions,
			JdbcClient jdbc, Clock clock) {
		this.competitions = competitions;
		this.properties = properties;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureOneIsLive() {
		if (!this.properties.demoEvent().enabled()) {
			return;
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('questline.competitions.demo-event'))")
				.query((rs, row) -> 1)
				.list();
			Instant now = this.clock.instant();
			if (this.competitions.anyLive(now)) {
				return;
			}
			long id = this.competitions.insert("Mining Sprint",
					"Mine as many coins as you can this week. The top 3 win prizes.", now,
					now.plus(this.properties.demoEvent().duration()), Metric.COINS_MINED,
					List.of(new Prize(1, 100_000), new Prize(2, 50_000), new Prize(3, 25_000)), null, now);
			logger.info("No event was live: demo event {} starts now", id);
		});
	}

}
