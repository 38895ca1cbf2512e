package io.questline.shared.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real {@code redis-server} (installed by {@code .ci/run}; skipped with a
 * reason on a machine without one): two stores, as two instances of the service, share
 * one bucket, and a Redis outage falls back to limiting in process instead of failing
 * requests.
 */
class RedisRateLimitStoreTests {

	private static Process redis;

	private static int port;

	@BeforeAll
	static void startRedis() throws Exception {
		Path binary = Path.of("/usr/bin/redis-server");
		Assumptions.assumeTrue(Files.isExecutable(binary),
				"redis-server is not installed (apt-get install redis-server)");
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		redis = new ProcessBuilder(binary.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket ignored = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not start");
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.destroyForcibly();
		}
	}

	@Test
	void twoInstancesShareOneBucket() {
		RatePolicy policy = new RatePolicy("write", 5, Duration.ofMinutes(1));
		String key = "write:user:" + UUID.randomUUID();
		try (RedisRateLimitStore first = store(); RedisRateLimitStore second = store()) {
			for (int i = 0; i < 3; i++) {
				assertThat(first.tryConsume(key, policy).allowed()).isTrue();
			}
			assertThat(second.tryConsume(key, policy).allowed()).isTrue();
			RateLimitStore.Consumption last = second.tryConsume(key, policy);
			assertThat(last.allowed()).isTrue();
			assertThat(last.remaining()).isZero();
			RateLimitStore.Consumption refused = first.tryConsume(key, policy);
			assertThat(refused.allowed()).isFalse();
			assertThat(refused.retryAfterSeconds()).isPositive();
		}
	}

	@Test
	void anUnreachableRedisFallsBackToLimitingInProcess() {
		RatePolicy policy = new RatePolicy("read", 2, Duration.ofMinutes(1));
		try (RedisRateLimitStore store = new RedisRateLimitStore("redis://127.0.0.1:1",
				new InProcessRateLimitStore())) {
			String key = "read:ip:198.51.100.1";
			assertThat(store.tryConsume(key, policy).allowed()).isTrue();
			assertThat(store.tryConsume(key, policy).allowed()).isTrue();
			assertThat(store.tryConsume(key, policy).allowed()).isFalse();
		}
	}

	private static RedisRateLimitStore store() {
		return new RedisRateLimitStore("redis://127.0.0.1:" + port, new InProcessRateLimitStore());
	}

}
