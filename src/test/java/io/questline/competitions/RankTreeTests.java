package io.questline.competitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.support.IntegrationTest;
import io.questline.tasks.TaskCompleted;
import io.questline.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rank tree gives every participant the rank a full sort would, through joins and
 * score changes with many ties, and the participant count.
 */
@IntegrationTest
class RankTreeTests {

	@Autowired
	Participants participants;

	@Autowired
	Competitions competitions;

	@Autowired
	TestUsers users;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher publisher;

	@Test
	void everyRankMatchesAFullSortThroughRandomScoreChanges() {
		Instant start = this.clock.instant().minusSeconds(10);
		long eventId = this.transactions.execute((status) -> this.competitions.insert("Rank tree", null, start,
				start.plus(Duration.ofDays(30)), Metric.COINS_MINED, List.of(), null, start));
		Competition competition = this.competitions.find(eventId).orElseThrow();
		Random random = new Random(42);
		List<UUID> ids = new ArrayList<>();
		Instant at = start;
		for (int i = 0; i < 150; i++) {
			UUID id = this.users.create().id();
			ids.add(id);
			// Many join within the same second, so equal keys are met too.
			at = at.plusMillis(random.nextInt(700));
			Instant joinedAt = at;
			this.transactions.executeWithoutResult((status) -> this.participants.join(competition, id, joinedAt));
		}
		for (int i = 0; i < 600; i++) {
			UUID id = ids.get(random.nextInt(ids.size()));
			// Scores bunch at small values (ties) with a few large jumps across tree
			// levels.
			long delta = (random.nextInt(10) == 0) ? random.nextInt(5_000_000) + 1 : random.nextInt(3) + 1;
			at = at.plusMillis(random.nextInt(3_000));
			Instant changedAt = at;
			this.transactions.executeWithoutResult(
					(status) -> this.participants.lockOpenEntries(id, List.of(Metric.COINS_MINED), changedAt)
						.stream()
						.filter((scoring) -> scoring.competitionId() == eventId)
						.forEach((scoring) -> this.participants.addScore(scoring, delta, changedAt)));
		}
		List<Participants.Entry> sorted = this.participants.after(eventId, null, 1_000);
		assertThat(sorted).hasSize(150);
		for (int i = 0; i < sorted.size(); i++) {
			assertThat(this.participants.rankOf(eventId, sorted.get(i))).as("rank of position %d", i + 1)
				.isEqualTo(i + 1);
			if (i > 0) {
				assertThat(sorted.get(i - 1).score()).isGreaterThanOrEqualTo(sorted.get(i).score());
			}
		}
		assertThat(this.jdbc.sql("""
				SELECT sum(entries) FROM competition_rank_nodes WHERE competition_id = :id AND level = 7
				""").param("id", eventId).query(Long.class).single()).isEqualTo(150);
	}

	@Test
	void concurrentJoinsAndScoreChangesKeepTheTreeExact() throws Exception {
		Instant start = this.clock.instant().minusSeconds(10);
		long eventId = this.transactions.execute((status) -> this.competitions.insert("Concurrent", null, start,
				start.plus(Duration.ofDays(1)), Metric.TASKS_COMPLETED, List.of(), null, start));
		Competition competition = this.competitions.find(eventId).orElseThrow();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(this.users.create().id());
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<Object>> joins = new ArrayList<>();
			ids.forEach((id) -> joins.add(() -> this.transactions
				.execute((status) -> this.participants.join(competition, id, this.clock.instant()))));
			for (Future<Object> join : pool.invokeAll(joins)) {
				join.get();
			}
			Random random = new Random(3);
			List<Callable<Object>> tasks = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				UUID id = ids.get(random.nextInt(ids.size()));
				tasks.add(() -> {
					this.transactions.executeWithoutResult((status) -> this.publisher
						.publishEvent(new TaskCompleted(id, 1, 1_000, this.clock.instant())));
					return null;
				});
			}
			for (Future<Object> task : pool.invokeAll(tasks)) {
				task.get();
			}
		}
		finally {
			pool.shutdown();
		}
		List<Participants.Entry> sorted = this.participants.after(eventId, null, 100);
		assertThat(sorted).hasSize(40);
		assertThat(sorted.stream().mapToLong(Participants.Entry::score).sum()).isEqualTo(300);
		for (int i = 0; i < sorted.size(); i++) {
			assertThat(this.participants.rankOf(eventId, sorted.get(i))).isEqualTo(i + 1);
		}
		assertThat(this.jdbc.sql("""
				SELECT sum(entries) FROM competition_rank_nodes WHERE competition_id = :id AND level = 7
				""").param("id", eventId).query(Long.class).single()).isEqualTo(40);
	}

	@Test
	void theSortKeyOrdersByScoreThenByTimeReached() {
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		long early = Participants.sortKey(10, start, start.plusSeconds(5));
		long late = Participants.sortKey(10, start, start.plusSeconds(6));
		long higher = Participants.sortKey(11, start, start.plus(Duration.ofDays(80)));
		assertThat(higher).isLessThan(early);
		assertThat(early).isLessThan(late);
		assertThat(Participants.sortKey(Long.MAX_VALUE, start, start)).isZero();
		assertThat(Participants.sortKey(0, start, start.plus(Duration.ofDays(200)))).isEqualTo(Long.MAX_VALUE);
	}

}
