package io.questline.competitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.questline.Application;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leaderboard read latency at two board sizes, through the application's own code
 * ({@link Leaderboards#read}: top 100 + my rank and score + the entries around me) on a
 * throwaway embedded PostgreSQL. Run it with {@code bench/leaderboard.sh}; it is not a
 * test.
 *
 * <p>
 * Participants are bulk-loaded with SQL (scores skewed like real boards: a third at 0,
 * the rest spread exponentially, so ties are common), and the rank tree is built from
 * them by an aggregate; a sample of ranks is then checked against a full count so the
 * loaded tree is known to be the one the application keeps.
 */
public final class LeaderboardBenchmark {

	private static final int WARMUP = 300;

	private static final int READS = 2_000;

	private LeaderboardBenchmark() {
	}

	public static void main(String[] args) {
		int[] sizes = Arrays.stream(((args.length > 0) ? args[0] : "10000,1000000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		String dataDirectory = "target/bench-pg/" + UUID.randomUUID();
		ConfigurableApplicationContext context = new SpringApplication(Application.class).run("--server.port=0",
				"--questline.database.url=", "--questline.database.data-directory=" + dataDirectory,
				"--questline.database.clean-data-directory=true", "--questline.database.socket-timeout=1800s",
				"--spring.jdbc.template.query-timeout=1800s", "--questline.competitions.demo-event.enabled=false",
				"--questline.competitions.finalize-every=PT24H", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off");
		try {
			new Run(context).run(sizes);
		}
		finally {
			context.close();
		}
	}

	private static final class Run {

		private final JdbcClient jdbc;

		private final Competitions competitions;

		private final Participants participants;

		private final Leaderboards leaderboards;

		private final Clock clock;

		Run(ConfigurableApplicationContext context) {
			this.jdbc = context.getBean(JdbcClient.class);
			this.competitions = context.getBean(Competitions.class);
			this.participants = context.getBean(Participants.class);
			this.leaderboards = context.getBean(Leaderboards.class);
			this.clock = context.getBean(Clock.class);
		}

		void run(int[] sizes) {
			List<Board> boards = new ArrayList<>();
			for (int size : sizes) {
				boards.add(load(size));
			}
			this.jdbc.sql("ANALYZE").update();
			System.out.printf("%n%-12s %10s %10s %10s %14s%n", "participants", "p50 ms", "p99 ms", "mean ms",
					"naive p50 ms");
			List<double[]> results = measure(boards);
			for (int i = 0; i < boards.size(); i++) {
				double[] result = results.get(i);
				System.out.printf("%-12d %10.3f %10.3f %10.3f %14.3f%n", boards.get(i).size(), result[0], result[1],
						result[2], result[3]);
			}
			if (results.size() >= 2) {
				double[] small = results.get(0);
				double[] large = results.get(results.size() - 1);
				System.out.printf("%nratio %d/%d: p50 %.2f, p99 %.2f (target <= 2)%n",
						boards.get(boards.size() - 1).size(), boards.get(0).size(), large[0] / small[0],
						large[1] / small[1]);
			}
			System.out.println("Each read: top 100 + my rank and score + 2 visible entries above and below me, for a "
					+ "random participant. 'naive' is count(*) of the entries ahead, for comparison (not used).");
		}

		Board load(int size) {
			long started = System.nanoTime();
			Instant now = this.clock.instant();
			Instant startsAt = now.minus(Duration.ofDays(1));
			long eventId = this.competitions.insert("Benchmark " + size, null, startsAt, now.plus(Duration.ofDays(29)),
					Metric.COINS_MINED, List.of(), null, now);
			String tag = Long.toString(eventId);
			this.jdbc.sql("SELECT setseed(0.42)").query((rs, row) -> 1).list();
			// Every 20th user hides from the leaderboard.
			this.jdbc.sql("""
					INSERT INTO users (email, email_normalized, password_hash, display_name, referral_code,
					                   leaderboard_visible, created_at, updated_at)
					SELECT 'b' || :tag || '-' || g || '@bench.test', 'b' || :tag || '-' || g || '@bench.test', 'x',
					       'Bench player ' || g, 'B' || :tag || '-' || g, g % 20 <> 0, now(), now()
					  FROM generate_series(1, :size) AS g
					""").param("tag", tag).param("size", size).update();
			this.jdbc.sql("""
					INSERT INTO competition_entries (competition_id, user_id, score, sort_key, reached_at, joined_at)
					SELECT :eventId, s.id, s.score, ((1099511627775 - s.score) << 23) | s.seconds,
					       CAST(:startsAt AS timestamptz) + make_interval(secs => s.seconds + s.millis / 1000.0),
					       CAST(:startsAt AS timestamptz)
					  FROM (SELECT u.id,
					               CASE WHEN random() < 0.33 THEN 0
					                    ELSE floor(-ln(1 - random()) * 20000)::bigint END AS score,
					               floor(random() * 86000)::bigint AS seconds,
					               floor(random() * 1000)::int AS millis
					          FROM users u
					         WHERE u.email_normalized LIKE 'b' || :tag || '-%') AS s
					""")
				.param("eventId", eventId)
				.param("startsAt", java.sql.Timestamp.from(startsAt))
				.param("tag", tag)
				.update();
			this.jdbc.sql("""
					INSERT INTO competition_rank_nodes (competition_id, level, prefix, entries)
					SELECT :eventId, l.level, e.sort_key >> (8 * l.level), count(*)
					  FROM competition_entries e CROSS JOIN generate_series(0, 7) AS l(level)
					 WHERE e.competition_id = :eventId
					 GROUP BY l.level, e.sort_key >> (8 * l.level)
					""").param("eventId", eventId).update();
			List<UUID> ids = this.jdbc.sql("SELECT user_id FROM competition_entries WHERE competition_id = :eventId")
				.param("eventId", eventId)
				.query(UUID.class)
				.list();
			long keys = this.jdbc.sql("""
					SELECT count(DISTINCT sort_key) FROM competition_entries WHERE competition_id = :eventId
					""").param("eventId", eventId).query(Long.class).single();
			System.out.printf("loaded %d participants (%d distinct ranking keys) in %.1f s%n", ids.size(), keys,
					(System.nanoTime() - started) / 1e9);
			Board board = new Board(eventId, size, ids);
			verify(board);
			return board;
		}

		/** The tree built by the aggregate gives the ranks a full count gives. */
		void verify(Board board) {
			Random random = new Random(7);
			for (int i = 0; i < 20; i++) {
				Participants.Entry entry = this.participants.find(board.eventId(), board.random(random)).orElseThrow();
				long tree = this.participants.rankOf(board.eventId(), entry);
				long naive = naiveRank(board.eventId(), entry);
				if (tree != naive) {
					throw new IllegalStateException("rank tree says " + tree + ", a full count " + naive);
				}
			}
		}

		long naiveRank(long eventId, Participants.Entry entry) {
			return 1 + this.jdbc.sql("""
					SELECT count(*) FROM competition_entries
					 WHERE competition_id = :eventId AND (sort_key, reached_at, user_id) < (:key, :reachedAt, :userId)
					""")
				.param("eventId", eventId)
				.param("key", entry.sortKey())
				.param("reachedAt", java.sql.Timestamp.from(entry.reachedAt()))
				.param("userId", entry.userId())
				.query(Long.class)
				.single();
		}

		/**
		 * p50, p99 and mean of board reads, and p50 of the naive rank count, in ms, per
		 * board. Reads alternate between the boards so that both meet the same machine
		 * (this one is shared).
		 */
		List<double[]> measure(List<Board> boards) {
			Random random = new Random(11);
			for (int i = 0; i < WARMUP; i++) {
				for (Board board : boards) {
					this.leaderboards.read(board.eventId(), board.random(random), 100);
				}
			}
			long[][] nanos = new long[boards.size()][READS];
			for (int i = 0; i < READS; i++) {
				for (int b = 0; b < boards.size(); b++) {
					Board board = boards.get(b);
					UUID viewer = board.random(random);
					long started = System.nanoTime();
					Leaderboards.Board read = this.leaderboards.read(board.eventId(), viewer, 100);
					nanos[b][i] = System.nanoTime() - started;
					if (read.me() == null || read.entries().size() != Math.min(100, board.size())) {
						throw new IllegalStateException("unexpected board " + read);
					}
				}
			}
			List<double[]> results = new ArrayList<>();
			for (int b = 0; b < boards.size(); b++) {
				Board board = boards.get(b);
				long[] naive = new long[50];
				for (int i = 0; i < naive.length; i++) {
					Participants.Entry entry = this.participants.find(board.eventId(), board.random(random))
						.orElseThrow();
					long started = System.nanoTime();
					naiveRank(board.eventId(), entry);
					naive[i] = System.nanoTime() - started;
				}
				long[] reads = nanos[b];
				Arrays.sort(reads);
				Arrays.sort(naive);
				results.add(new double[] { reads[READS / 2] / 1e6, reads[(int) (READS * 0.99)] / 1e6,
						Arrays.stream(reads).average().orElse(0) / 1e6, naive[naive.length / 2] / 1e6 });
			}
			return results;
		}

	}

	private record Board(long eventId, int size, List<UUID> ids) {

		UUID random(Random random) {
			return this.ids.get(random.nextInt(this.ids.size()));
		}

	}

}
