package io.questline.competitions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;

/**
 * Makes ended events final and pays their prizes, once. Each event is finalised in one
 * transaction that holds its row ({@code FOR UPDATE SKIP LOCKED}): other instances
 * running the job at the same moment skip it, and a crash rolls everything back for the
 * next run. The prize table (one prize per user and per rank) and the ledger reference
 * {@code prize:<event>:<user>} make a second payment impossible even so.
 */
@Component
class PrizePayout {

	private static final Logger logger = LoggerFactory.getLogger(PrizePayout.class);

	/** Events finalised per run at most, so a failing one cannot hold the job forever. */
	private static final int MAX_PER_RUN = 50;

	private final Competitions competitions;

	private final Participants participants;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PrizePayout(Competitions competitions, Participants participants, Ledger ledger, TransactionTemplate transactions,
			Clock clock) {
		this.competitions = competitions;
		this.participants = participants;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Finalises every ended event.
	 * @return how many events this run finalised
	 */
	@Scheduled(fixedDelayString = "${questline.competitions.finalize-every:PT30S}",
			initialDelayString = "${questline.competitions.finalize-every:PT30S}")
	int finalizeEnded() {
		int done = 0;
		try {
			while (done < MAX_PER_RUN && Boolean.TRUE.equals(this.transactions.execute((status) -> finalizeOne()))) {
				done++;
			}
		}
		catch (RuntimeException ex) {
			logger.error("Finalising an event failed; it stays open and is retried on the next run", ex);
		}
		return done;
	}

	private boolean finalizeOne() {
		Instant now = this.clock.instant();
		Optional<Competition> claimed = this.competitions.claimEnded(now);
		if (claimed.isEmpty()) {
			return false;
		}
		Competition competition = claimed.get();
		Map<Integer, Prize> byRank = competition.prizes()
			.stream()
			.collect(Collectors.toMap(Prize::rank, Function.identity()));
		int lowestRank = byRank.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
		List<Participants.Entry> board = (lowestRank > 0) ? this.participants.after(competition.id(), null, lowestRank)
				: List.of();
		int paid = 0;
		for (int i = 0; i < board.size(); i++) {
			Participants.Entry entry = board.get(i);
			Prize prize = byRank.get(i + 1);
			// Nothing for doing nothing: a prize needs a score.
			if (prize == null || entry.score() <= 0) {
				continue;
			}
			if (this.competitions.insertPrize(competition.id(), entry.userId(), prize.rank(), entry.score(),
					prize.reward(), now)) {
				this.ledger.credit(entry.userId(), SystemAccount.PRIZES, prize.reward(), "prize",
						"prize:" + competition.id() + ":" + entry.userId());
				paid++;
			}
		}
		this.competitions.markFinal(competition.id(), now);
		logger.info("Event {} is final; {} prizes paid", competition.id(), paid);
		return true;
	}

}
