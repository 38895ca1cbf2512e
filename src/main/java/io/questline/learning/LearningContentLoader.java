package io.questline.learning;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Loads learning paths and their modules from their content file at start-up, upserting
 * by id: a changed file updates definitions in place (a module's order is its place in
 * the file), an unchanged one writes nothing, and nobody's progress is touched. Quiz
 * answers are split off here into the answer key, which stays on the server. A broken
 * file stops the start-up.
 */
@Component
class LearningContentLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(LearningContentLoader.class);

	private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

	private final LearningPaths paths;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Resource content;

	LearningContentLoader(LearningPaths paths, JsonMapper json, TransactionTemplate transactions, Clock clock,
			@Value("${questline.learning.content:classpath:content/learning-paths.json}") Resource content) {
		this.paths = paths;
		this.json = json;
		this.transactions = transactions;
		this.clock = clock;
		this.content = content;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		ContentFile file;
		try (InputStream in = this.content.getInputStream()) {
			file = this.json.readValue(in, ContentFile.class);
		}
		load(file);
	}

	/**
	 * Validates and upserts the content.
	 * @return how many rows (paths and modules) were written
	 */
	int load(ContentFile file) {
		validate(file);
		Instant now = this.clock.instant();
		Integer written = this.transactions.execute((status) -> {
			int count = 0;
			for (int p = 0; p < file.paths().size(); p++) {
				ContentPath path = file.paths().get(p);
				count += this.paths.upsertPath(path.id(), path.title(), path.description(), path.bonus(), p + 1,
						file.version(), now) ? 1 : 0;
				for (int m = 0; m < path.modules().size(); m++) {
					ContentModule module = path.modules().get(m);
					count += this.paths.upsertModule(path.id(), module.id(), module.title(), module.summary(),
							module.body(), m + 1, module.reward(), publicQuiz(module), answerKey(module),
							file.version(), now) ? 1 : 0;
				}
			}
			return count;
		});
		logger.info("Learning content version {}: {} paths, {} rows written", file.version(), file.paths().size(),
				written);
		return written;
	}

	private static Quiz publicQuiz(ContentModule module) {
		if (module.quiz() == null) {
			return null;
		}
		return new Quiz(module.quiz()
			.stream()
			.map((question) -> new Quiz.Question(question.id(), question.prompt(), question.options()))
			.toList());
	}

	private static Map<String, String> answerKey(ContentModule module) {
		if (module.quiz() == null) {
			return null;
		}
		Map<String, String> key = new LinkedHashMap<>();
		module.quiz().forEach((question) -> key.put(question.id(), question.answer()));
		return key;
	}

	private static void validate(ContentFile file) {
		require(file.paths() != null && !file.paths().isEmpty(), "The learning content has no paths");
		Set<String> ids = new HashSet<>();
		for (ContentPath path : file.paths()) {
			require(path.id() != null && path.id().matches(ID) && ids.add(path.id()),
					"Path id missing, malformed or repeated: " + path.id());
			require(notBlank(path.title()) && notBlank(path.description()) && path.bonus() >= 0,
					"Path " + path.id() + " needs a title, a description and a bonus >= 0");
			require(path.modules() != null && !path.modules().isEmpty(), "Path " + path.id() + " has no modules");
			for (ContentModule module : path.modules()) {
				require(module.id() != null && module.id().matches(ID) && ids.add(module.id()),
						"Module id missing, malformed or repeated: " + module.id());
				require(notBlank(module.title()) && notBlank(module.summary()) && notBlank(module.body())
						&& module.reward() >= 0,
						"Module " + module.id() + " needs a title, summary, body, reward >= 0");
				if (module.quiz() != null) {
					validateQuiz(module);
				}
			}
		}
	}

	private static void validateQuiz(ContentModule module) {
		require(!module.quiz().isEmpty(), "Module " + module.id() + " has an empty quiz");
		Set<String> questionIds = new HashSet<>();
		for (ContentQuestion question : module.quiz()) {
			require(question.id() != null && questionIds.add(question.id()) && notBlank(question.prompt()),
					"Module " + module.id() + " has a question without an id, with a repeated id or without a prompt");
			require(question.options() != null && question.options().size() >= 2,
					"Question " + question.id() + " of " + module.id() + " needs two or more options");
			Set<String> optionIds = new HashSet<>();
			question.options()
				.forEach((option) -> require(
						option.id() != null && optionIds.add(option.id()) && notBlank(option.text()),
						"Question " + question.id() + " of " + module.id() + " has a bad option"));
			require(optionIds.contains(question.answer()),
					"The answer of question " + question.id() + " of " + module.id() + " is not one of its options");
		}
	}

	private static boolean notBlank(String text) {
		return text != null && !text.isBlank();
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalStateException(message);
		}
	}

	/**
	 * The content file.
	 *
	 * @param version raised on every change
	 * @param paths the paths, in display order
	 */
	record ContentFile(int version, List<ContentPath> paths) {

	}

	record ContentPath(String id, String title, String description, long bonus, List<ContentModule> modules) {

	}

	record ContentModule(String id, String title, String summary, String body, long reward,
			List<ContentQuestion> quiz) {

	}

	record ContentQuestion(String id, String prompt, List<Quiz.Option> options, String answer) {

	}

}
