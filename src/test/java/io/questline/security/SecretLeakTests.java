package io.questline.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.questline.support.IntegrationTest;
import io.questline.support.TrafficRecorder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class and reads everything the run produced: no configured
 * secret and nothing shaped like a Stripe secret key ever appeared in a response or a log
 * line. Also scans the files of the repository for real-looking keys.
 */
@IntegrationTest
@Order(Integer.MAX_VALUE)
class SecretLeakTests {

	static final Pattern KEY_SHAPES = Pattern.compile("(sk|rk)_(live|test)_[A-Za-z0-9]{6,}|whsec_[A-Za-z0-9]{6,}");

	static final Pattern REAL_LOOKING_KEYS = Pattern
		.compile("(sk|rk)_live_[A-Za-z0-9]{8,}|sk_test_[A-Za-z0-9]{20,}|whsec_[A-Za-z0-9]{20,}");

	@Autowired
	Environment environment;

	@Test
	void noSecretAppearsInAnyResponseOrLogLineOfTheWholeRun() {
		List<String> secrets = new ArrayList<>();
		for (String property : List.of("questline.security.jwt-secret", "questline.checkout.secret-key",
				"questline.checkout.webhook-secret")) {
			String value = this.environment.getProperty(property);
			if (value != null && value.length() >= 8) {
				secrets.add(value);
			}
		}
		List<String> responses = TrafficRecorder.responses();
		List<String> logs = TrafficRecorder.logs();
		assertThat(responses).as("responses recorded").isNotEmpty();
		assertThat(logs).as("log lines recorded").isNotEmpty();
		assertThat(TrafficRecorder.dropped()).isZero();
		for (String secret : secrets) {
			assertThat(responses).noneMatch((response) -> response.contains(secret));
			assertThat(logs).noneMatch((line) -> line.contains(secret));
		}
		assertThat(responses).noneMatch((response) -> KEY_SHAPES.matcher(response).find());
		assertThat(logs).noneMatch((line) -> KEY_SHAPES.matcher(line).find());
	}

	@Test
	void noRealLookingKeyIsInTheRepository() throws IOException {
		List<String> findings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("."))) {
			files.filter(Files::isRegularFile)
				.filter((file) -> !file.toString().matches(".*/(target|data|\\.git|node_modules)/.*"))
				.filter((file) -> file.toFile().length() < 2_000_000)
				.forEach((file) -> {
					try {
						String text = Files.readString(file);
						if (REAL_LOOKING_KEYS.matcher(text).find()) {
							findings.add(file.toString());
						}
					}
					catch (IOException | java.io.UncheckedIOException ex) {
						// binary file: not text, no key written by hand
					}
				});
		}
		assertThat(findings).isEmpty();
	}

}
