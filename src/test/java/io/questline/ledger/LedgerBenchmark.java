package io.questline.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ledger-crediting throughput through the real {@link Ledger} code, and, on the same
 * PostgreSQL in the same run, pgbench's TPC-B-like TPS with as many clients; prints both
 * and their ratio. Run it with {@code bench/ledger.sh} (never as a test).
 *
 * <p>
 * Arguments (all optional): {@code threads seconds pgbenchPath}. Each credit is one
 * database transaction: a transaction header with a unique reference, the user's balance
 * upsert, two entries; pgbench's is three updates, a select and an insert.
 */
public final class LedgerBenchmark {

	private LedgerBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		// Outside Spring Boot logback logs everything at DEBUG, one line per statement,
		// which would measure the console instead of the ledger.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		String pgbench = (args.length > 2) ? args[2] : "pgbench";
		Path data = Files.createTempDirectory("questline-bench-pg");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(true)
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.start()) {
			String url = postgres.getJdbcUrl("postgres", "postgres");
			Flyway.configure()
				.dataSource(url, "postgres", "postgres")
				.locations("classpath:db/migration")
				.load()
				.migrate();
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(url);
			config.setUsername("postgres");
			config.setPassword("postgres");
			config.setMaximumPoolSize(threads);
			try (HikariDataSource dataSource = new HikariDataSource(config)) {
				JdbcClient jdbc = JdbcClient.create(dataSource);
				List<UUID> users = createUsers(jdbc, 10_000);
				Ledger ledger = new Ledger(new LedgerEntries(jdbc), JsonMapper.builder().build(), Clock.systemUTC());
				TransactionTemplate transactions = new TransactionTemplate(
						new DataSourceTransactionManager(dataSource));
				System.out.printf(Locale.ROOT, "PostgreSQL %s on port %d; %d threads/clients, %d s per measurement%n",
						jdbc.sql("SHOW server_version").query(String.class).single(), postgres.getPort(), threads,
						seconds);
				// Long enough for the JIT to compile the hot path before measuring.
				credits(ledger, transactions, users, threads, Math.max(10, seconds / 2), "warmup");
				jdbc.sql("CHECKPOINT").update();
				com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
					.getOperatingSystemMXBean();
				long cpuBefore = os.getProcessCpuTime();
				double creditsPerSecond = credits(ledger, transactions, users, threads, seconds, "measure");
				double cpuMicrosPerCredit = (os.getProcessCpuTime() - cpuBefore) / 1e3 / (creditsPerSecond * seconds);
				jdbc.sql("CHECKPOINT").update();
				double sqlPerSecond = pgbenchScript(pgbench, postgres.getPort(), threads, seconds);
				jdbc.sql("CHECKPOINT").update();
				double tps = pgbench(pgbench, postgres.getPort(), threads, seconds);
				System.out.printf(Locale.ROOT, "ledger credits/s:        %.1f%n", creditsPerSecond);
				System.out.printf(Locale.ROOT, "JVM CPU per credit:      %.0f us (client side, of %d cores)%n",
						cpuMicrosPerCredit, Runtime.getRuntime().availableProcessors());
				System.out.printf(Locale.ROOT, "ledger SQL via pgbench:  %.1f/s (the same statements, no Java)%n",
						sqlPerSecond);
				System.out.printf(Locale.ROOT, "pgbench tpcb-like TPS:   %.1f%n", tps);
				System.out.printf(Locale.ROOT,
						"ratio ledger/pgbench:    %.1f%% through the JVM, %.1f%% same SQL (target >= 40%%)%n",
						100 * creditsPerSecond / tps, 100 * sqlPerSecond / tps);
				LedgerCheck check = transactions.execute((status) -> ledger.check());
				System.out.printf(Locale.ROOT, "ledger check after run:  %s%n", check.holds() ? "holds" : check);
			}
		}
	}

	private static List<UUID> createUsers(JdbcClient jdbc, int count) {
		jdbc.sql("""
				INSERT INTO users (email, email_normalized, password_hash, display_name, referral_code, created_at,
				                   updated_at)
				SELECT 'bench' || n || '@example.test', 'bench' || n || '@example.test', 'x', 'Bench ' || n, 'B' || n,
				       now(), now()
				  FROM generate_series(1, :count) AS n
				""").param("count", count).update();
		return jdbc.sql("SELECT id FROM users WHERE email LIKE 'bench%'").query(UUID.class).list();
	}

	private static double credits(Ledger ledger, TransactionTemplate transactions, List<UUID> users, int threads,
			int seconds, String phase) throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		String run = phase + ":" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Long>> results = new ArrayList<>();
			long started = System.nanoTime();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				results.add(pool.submit(() -> {
					long done = 0;
					while (running.get()) {
						UUID user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
						String reference = "bench:" + run + ":" + thread + ":" + done;
						transactions.executeWithoutResult(
								(status) -> ledger.credit(user, SystemAccount.MINING, 1_000, "bench", reference));
						done++;
					}
					return done;
				}));
			}
			Thread.sleep(Duration.ofSeconds(seconds).toMillis());
			running.set(false);
			long total = 0;
			for (Future<Long> result : results) {
				total += result.get();
			}
			double elapsed = (System.nanoTime() - started) / 1e9;
			return total / elapsed;
		}
		finally {
			pool.shutdown();
		}
	}

	private static double pgbench(String pgbench, int port, int clients, int seconds)
			throws IOException, InterruptedException {
		String portText = Integer.toString(port);
		run(List.of(pgbench, "-i", "-q", "-s", Integer.toString(Math.max(10, clients)), "-h", "127.0.0.1", "-p",
				portText, "-U", "postgres", "postgres"));
		String output = run(List.of(pgbench, "-M", "prepared", "-c", Integer.toString(clients), "-j",
				Integer.toString(clients), "-T", Integer.toString(seconds), "-h", "127.0.0.1", "-p", portText, "-U",
				"postgres", "postgres"));
		return tps(output);
	}

	/**
	 * The statements {@link Ledger#credit} runs, as a pgbench script: the cost of the SQL
	 * alone, without the JVM, pool and Spring in the way.
	 */
	private static double pgbenchScript(String pgbench, int port, int clients, int seconds)
			throws IOException, InterruptedException {
		Path script = Files.createTempFile("ledger-credit", ".sql");
		Files.writeString(script,
				"""
						\\set n random(1, 10000)
						BEGIN;
						INSERT INTO ledger_transactions (reference, type, memo, created_at) VALUES ('pgbench:' || :client_id || ':' || txid_current(), 'bench', NULL, now()) ON CONFLICT (reference) DO NOTHING RETURNING id AS tx \\gset
						INSERT INTO ledger_accounts (user_id, balance) SELECT id, 1000 FROM users WHERE email_normalized = 'bench' || :n || '@example.test' ON CONFLICT (user_id) DO UPDATE SET balance = ledger_accounts.balance + excluded.balance RETURNING id AS account, balance AS balance \\gset
						INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after, created_at) VALUES (:tx, (SELECT id FROM ledger_accounts WHERE system_code = 'mining'), -1000, NULL, now());
						INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after, created_at) VALUES (:tx, :account, 1000, :balance, now());
						END;
						""");
		try {
			String output = run(List.of(pgbench, "-n", "-M", "prepared", "-f", script.toString(), "-c",
					Integer.toString(clients), "-j", Integer.toString(clients), "-T", Integer.toString(seconds), "-h",
					"127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "postgres"));
			return tps(output);
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	private static double tps(String output) {
		Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("No TPS in pgbench output:\n" + output);
		}
		return Double.parseDouble(tps.group(1));
	}

	private static String run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.append(line).append('\n');
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
		return output.toString();
	}

}
