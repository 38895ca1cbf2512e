package io.questline.achievements;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the achievement catalog from its content file at start-up, upserting by code: a
 * changed file updates the definitions in place, an unchanged one writes nothing, and
 * progress and claims are never touched. A broken file stops the start-up rather than
 * serve a half catalog.
 */
@Component
class AchievementCatalogLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(AchievementCatalogLoader.class);

	private final Achievements achievements;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Resource content;

	AchievementCatalogLoader(Achievements achievements, JsonMapper json, TransactionTemplate transactions, Clock clock,
			@Value("${questline.achievements.content:classpath:content/achievements.json}") Resource content) {
		this.achievements = achievements;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
		this.content = content;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		CatalogFile file;
		try (InputStream in = this.content.getInputStream()) {
			file = this.json.readValue(in, CatalogFile.class);
		}
		load(file);
	}

	/**
	 * Validates and upserts a catalog.
	 * @return how many definitions were written
	 */
	int load(CatalogFile file) {
		validate(file);
		Instant now = this.clock.instant();
		Integer written = this.transactions.execute((status) -> {
			int count = 0;
			for (int i = 0; i < file.achievements().size(); i++) {
				count += this.achievements.upsert(file.achievements().get(i), i + 1, file.version(), now) ? 1 : 0;
			}
			return count;
		});
		logger.info("Achievement catalog version {}: {} definitions, {} written", file.version(),
				file.achievements().size(), written);
		return written;
	}

	private static void validate(CatalogFile file) {
		if (file.achievements() == null || file.achievements().isEmpty()) {
			throw new IllegalStateException("The achievement catalog is empty");
		}
		Set<String> codes = new HashSet<>();
		for (Achievement achievement : file.achievements()) {
			String code = achievement.code();
			if (code == null || !code.matches("[a-z0-9_]{1,64}") || !codes.add(code)) {
				throw new IllegalStateException("Achievement code missing, malformed or repeated: " + code);
			}
			if (Metric.of(achievement.metric()).isEmpty()) {
				throw new IllegalStateException(
						"Achievement " + code + " has an unknown metric " + achievement.metric());
			}
			if (achievement.threshold() <= 0 || achievement.reward() <= 0 || isBlank(achievement.name())
					|| isBlank(achievement.description())) {
				throw new IllegalStateException(
						"Achievement " + code + " needs a name, a description, a threshold and a reward");
			}
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	/**
	 * The content file.
	 *
	 * @param version the catalog's version, raised on every change
	 * @param achievements the definitions, in display order
	 */
	record CatalogFile(int version, List<Achievement> achievements) {

	}

}
