package io.questline.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.questline.Application;
import io.questline.shared.security.AccessTokens;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads N ledger entries into a throwaway embedded PostgreSQL, exports them through the
 * real endpoint (over HTTP, in this JVM) and prints rows/s and how much the heap grew.
 * Run it with {@code bench/export.sh}; it is not a test and never runs in the build.
 */
public final class ExportBenchmark {

	private ExportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int entries = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		String dataDirectory = "target/bench-pg/" + UUID.randomUUID();
		SpringApplication application = new SpringApplication(Application.class);
		// Command-line arguments outrank application.yml; loading a million rows takes
		// longer than a request's query timeout.
		try (ConfigurableApplicationContext context = application.run(
				"--questline.database.data-directory=" + dataDirectory,
				"--questline.database.clean-data-directory=true", "--server.port=0",
				"--questline.security.jwt-secret=bench-only-secret-0123456789abcdef0123456789abcdef",
				"--spring.jdbc.template.query-timeout=0", "--questline.database.socket-timeout=600s",
				"--logging.level.root=WARN")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long loadStart = System.nanoTime();
			load(jdbc, entries);
			System.out.printf("loaded %,d ledger entries in %.1f s%n", entries, (System.nanoTime() - loadStart) / 1e9);
			UUID admin = jdbc
				.sql("""
						INSERT INTO users (email, email_normalized, password_hash, display_name, role, referral_code,
						                   created_at, updated_at)
						VALUES ('bench@example.test', 'bench@example.test', 'x', 'Bench', 'ADMIN', 'BENCHADMIN', now(), now())
						RETURNING id
						""")
				.query(UUID.class)
				.single();
			String token = context.getBean(AccessTokens.class).mint(admin).value();
			String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")
					+ "/api/admin/analytics/export?from=2030-01-01&to=2030-12-31&format=";
			for (int run = 1; run <= 2; run++) {
				export(url + "csv", token, "csv, run " + run);
			}
			export(url + "ndjson", token, "ndjson");
		}
	}

	private static void load(JdbcClient jdbc, int entries) {
		int transactions = entries / 2;
		jdbc.sql("""
				INSERT INTO users (email, email_normalized, password_hash, display_name, referral_code, created_at,
				                   updated_at)
				SELECT 'bench' || g || '@example.test', 'bench' || g || '@example.test', 'x', 'Bench ' || g,
				       'BENCH' || g, now(), now()
				  FROM generate_series(1, 1000) g
				""").update();
		jdbc.sql("INSERT INTO ledger_accounts (user_id, balance) SELECT id, 0 FROM users WHERE email LIKE 'bench%'")
			.update();
		jdbc.sql("INSERT INTO ledger_accounts (system_code) VALUES ('mining') ON CONFLICT DO NOTHING").update();
		// Half a million transactions every 30 s from 1 Jan 2030, two legs each; some
		// references need CSV quoting.
		jdbc.sql("""
				INSERT INTO ledger_transactions (reference, type, created_at)
				SELECT CASE WHEN g % 10 = 0 THEN 'session:"' || g || '",bench' ELSE 'session:' || g END, 'mining',
				       timestamptz '2030-01-01 00:00:00+00' + g * interval '30 seconds'
				  FROM generate_series(1, :n) g
				""").param("n", transactions).update();
		jdbc.sql("""
				WITH accounts AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM ledger_accounts
				                   WHERE user_id IS NOT NULL),
				     tx AS (SELECT id, created_at, row_number() OVER (ORDER BY id) AS n FROM ledger_transactions
				             WHERE type = 'mining')
				INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after, created_at)
				SELECT tx.id, accounts.id, 1000, 1000 * (tx.n / 1000 + 1), tx.created_at
				  FROM tx JOIN accounts ON accounts.n = tx.n % 1000
				UNION ALL
				SELECT tx.id, (SELECT id FROM ledger_accounts WHERE system_code = 'mining'), -1000, NULL, tx.created_at
				  FROM tx
				""").update();
		jdbc.sql("ANALYZE").update();
	}

	private static void export(String url, String token, String label) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		settle();
		long baseline = heapUsed();
		long baselineLive = liveHeap();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		AtomicLong peak = new AtomicLong(baseline);
		AtomicLong peakLive = new AtomicLong(baselineLive);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread sampler = new Thread(() -> {
			while (running.get()) {
				peak.accumulateAndGet(heapUsed(), Math::max);
				peakLive.accumulateAndGet(liveHeap(), Math::max);
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.setDaemon(true);
		sampler.start();
		long start = System.nanoTime();
		HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofMinutes(30))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		long lines = 0;
		long bytes = 0;
		try (InputStream body = response.body()) {
			byte[] buffer = new byte[64 * 1024];
			int read;
			while ((read = body.read(buffer)) > 0) {
				bytes += read;
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
					}
				}
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		running.set(false);
		sampler.join();
		long records = label.startsWith("csv") ? lines - 1 : lines;
		long mb = 1024 * 1024;
		System.out.printf(
				"%s: HTTP %d, %,d records (%,d MB) in %.2f s = %,.0f rows/s; heap growth: peak used %+d MB,"
						+ " live after GC %+d MB (baseline %d MB used, max heap %d MB)%n",
				label, response.statusCode(), records, bytes / mb, seconds, records / seconds,
				(peak.get() - baseline) / mb, (peakLive.get() - baselineLive) / mb, baseline / mb,
				Runtime.getRuntime().maxMemory() / mb);
	}

	private static void settle() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** Heap in use right after the last collection of each pool: what survived. */
	private static long liveHeap() {
		List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
		long live = 0;
		for (MemoryPoolMXBean pool : pools) {
			if (pool.getType() == MemoryType.HEAP) {
				MemoryUsage afterCollection = pool.getCollectionUsage();
				live += (afterCollection != null) ? afterCollection.getUsed() : 0;
			}
		}
		return live;
	}

}
