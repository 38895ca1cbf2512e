package io.questline.learning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.questline.learning.LearningContentLoader.ContentFile;
import io.questline.ledger.Ledger;
import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class LearningPathTests {

	private static final List<String> KEY_FIELDS = List.of("answer", "answers", "answerKey", "answer_key", "correct",
			"correctOption", "solution");

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	LearningContentLoader loader;

	@AfterEach
	void ledgerInvariantHolds() {
		assertThat(this.ledger.check().holds()).as("ledger invariant: %s", this.ledger.check()).isTrue();
	}

	@Test
	void aFreshServerHasThreePathsOfFourOrMoreModulesAndQuizzesWithoutAnswers() {
		Response response = this.api.get("/api/learning-paths/list").as(this.users.create()).send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items.size()).isGreaterThanOrEqualTo(3);
		int quizzes = 0;
		for (JsonNode path : items) {
			assertThat(path.get("id").asString()).isNotBlank();
			assertThat(path.get("title").asString()).isNotBlank();
			assertThat(path.get("description").asString()).isNotBlank();
			JsonNode modules = path.get("modules");
			assertThat(modules.size()).isGreaterThanOrEqualTo(4);
			for (int i = 0; i < modules.size(); i++) {
				JsonNode module = modules.get(i);
				assertThat(module.get("order").asInt()).isEqualTo(i + 1);
				assertThat(module.get("reward").asLong()).isPositive();
				assertThat(module.get("title").asString()).isNotBlank();
				if (!module.get("quiz").isNull()) {
					quizzes++;
					for (JsonNode question : module.get("quiz").get("questions")) {
						assertThat(question.propertyNames()).containsExactlyInAnyOrder("id", "prompt", "options");
						for (JsonNode option : question.get("options")) {
							assertThat(option.propertyNames()).containsExactlyInAnyOrder("id", "text");
						}
					}
				}
			}
		}
		assertThat(quizzes).isGreaterThan(3);
		assertNoAnswerKey(response);
	}

	@Test
	void modulesCompleteInOrderWithTheirQuizRightAndPayOnce() {
		TestUser user = this.users.create();
		Response skipped = complete(user, "getting-started", "gs-mining", answersOf("gs-mining"));
		assertThat(skipped.status()).isEqualTo(422);
		assertThat(skipped.code()).isEqualTo("PREREQUISITE_MISSING");
		assertNoAnswerKey(skipped);

		Response first = complete(user, "getting-started", "gs-welcome", null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("pathId").asString()).isEqualTo("getting-started");
		assertThat(first.json().get("moduleId").asString()).isEqualTo("gs-welcome");
		assertThat(first.json().get("reward").asLong()).isEqualTo(500);
		assertThat(first.json().get("pathCompleted").asBoolean()).isFalse();
		assertThat(this.ledger.isPosted("module:" + user.id() + ":gs-welcome")).isTrue();

		Response unanswered = complete(user, "getting-started", "gs-mining", null);
		assertThat(unanswered.status()).isEqualTo(422);
		assertThat(unanswered.code()).isEqualTo("WRONG_ANSWERS");

		Response second = complete(user, "getting-started", "gs-mining", answersOf("gs-mining"));
		assertThat(second.status()).isEqualTo(200);
		assertNoAnswerKey(second);

		Response repeated = complete(user, "getting-started", "gs-welcome", null);
		assertThat(repeated.status()).isEqualTo(409);
		assertThat(repeated.code()).isEqualTo("ALREADY_COMPLETED");
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(1_500);
	}

	@Test
	void wrongAnswersAreRefusedWithoutTellingWhichAreWrong() {
		TestUser user = this.users.create();
		assertThat(complete(user, "getting-started", "gs-welcome", null).status()).isEqualTo(200);
		Map<String, String> right = answersOf("gs-mining");
		Map<String, String> oneWrong = new HashMap<>(right);
		oneWrong.put("q1", wrongOption("gs-mining", "q1"));
		Map<String, String> allWrong = new HashMap<>();
		right.keySet().forEach((question) -> allWrong.put(question, wrongOption("gs-mining", question)));

		Response partly = complete(user, "getting-started", "gs-mining", oneWrong);
		Response wholly = complete(user, "getting-started", "gs-mining", allWrong);
		assertThat(partly.status()).isEqualTo(422);
		assertThat(partly.code()).isEqualTo("WRONG_ANSWERS");
		assertThat(wholly.status()).isEqualTo(422);
		assertThat(withoutInstance(partly)).isEqualTo(withoutInstance(wholly));
		assertNoAnswerKey(partly);
		assertThat(this.ledger.isPosted("module:" + user.id() + ":gs-mining")).isFalse();
	}

	@Test
	void finishingAPathPaysItsBonusOnceAndShowsInProgress() {
		TestUser user = this.users.create();
		List<String> modules = this.jdbc
			.sql("SELECT id FROM learning_modules WHERE path_id = 'safe-and-sound' ORDER BY position")
			.query(String.class)
			.list();
		long bonus = this.jdbc.sql("SELECT bonus FROM learning_paths WHERE id = 'safe-and-sound'")
			.query(Long.class)
			.single();
		long rewards = this.jdbc.sql("SELECT sum(reward) FROM learning_modules WHERE path_id = 'safe-and-sound'")
			.query(Long.class)
			.single();
		Response last = null;
		for (String module : modules) {
			last = complete(user, "safe-and-sound", module, answersOf(module));
			assertThat(last.status()).as("%s: %s", module, last).isEqualTo(200);
			assertNoAnswerKey(last);
		}
		assertThat(last.json().get("pathCompleted").asBoolean()).isTrue();
		assertThat(last.json().get("pathBonus").asLong()).isEqualTo(bonus);
		assertThat(this.ledger.isPosted("path:" + user.id() + ":safe-and-sound")).isTrue();
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(rewards + bonus);
		assertThat(
				complete(user, "safe-and-sound", modules.get(modules.size() - 1), answersOf(modules.get(0))).status())
			.isEqualTo(409);

		Response progress = this.api.get("/api/learning-paths/progress").as(user).send();
		assertThat(progress.status()).isEqualTo(200);
		assertNoAnswerKey(progress);
		JsonNode safe = null;
		JsonNode started = null;
		for (JsonNode item : progress.json().get("items")) {
			if (item.get("pathId").asString().equals("safe-and-sound")) {
				safe = item;
			}
			if (item.get("pathId").asString().equals("getting-started")) {
				started = item;
			}
		}
		assertThat(safe.get("completedModules").asInt()).isEqualTo(modules.size());
		assertThat(safe.get("totalModules").asInt()).isEqualTo(modules.size());
		assertThat(safe.get("completedAt").isNull()).isFalse();
		assertThat(started.get("completedModules").asInt()).isZero();
		assertThat(started.get("completedAt").isNull()).isTrue();
		// ModuleCompleted and PathCompleted were published in the same transactions.
		assertThat(counter(user, "modules_completed")).isEqualTo(modules.size());
		assertThat(counter(user, "paths_completed")).isEqualTo(1);
	}

	@Test
	void anUnknownModuleOrAModuleOfAnotherPathIsNotFound() {
		TestUser user = this.users.create();
		assertThat(complete(user, "getting-started", "no-such-module", null).status()).isEqualTo(404);
		assertThat(complete(user, "earning-more", "gs-welcome", null).status()).isEqualTo(404);
		assertThat(this.api.post("/api/learning-paths/complete", Map.of("pathId", "getting-started"))
			.as(user)
			.send()
			.status()).isEqualTo(400);
	}

	@Test
	void fiftyConcurrentCompletionsOfAModulePayOnce() throws Exception {
		TestUser user = this.users.create();
		ExecutorService pool = Executors.newFixedThreadPool(50);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				calls.add(() -> complete(user, "getting-started", "gs-welcome", null).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : pool.invokeAll(calls)) {
				statuses.add(result.get());
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 409).hasSize(49);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.ledger.balanceOf(user.id())).isEqualTo(500);
		assertThat(counter(user, "modules_completed")).isEqualTo(1);
	}

	@Test
	void reloadingUnchangedContentWritesNothing() throws Exception {
		ContentFile file;
		try (var in = new ClassPathResource("content/learning-paths.json").getInputStream()) {
			file = this.json.readValue(in, ContentFile.class);
		}
		long modules = this.jdbc.sql("SELECT count(*) FROM learning_modules").query(Long.class).single();
		assertThat(this.loader.load(file)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM learning_modules").query(Long.class).single())
			.isEqualTo(modules);
	}

	@Test
	void changedContentUpdatesModulesInPlaceWithoutTouchingProgress() throws Exception {
		ContentFile original = contentFile();
		TestUser user = this.users.create();
		assertThat(complete(user, "getting-started", "gs-welcome", null).status()).isEqualTo(200);
		long modules = this.jdbc.sql("SELECT count(*) FROM learning_modules").query(Long.class).single();
		ContentFile changed = new ContentFile(original.version() + 1, original.paths().stream().map((path) -> {
			if (!path.id().equals("getting-started")) {
				return path;
			}
			List<LearningContentLoader.ContentModule> reordered = new ArrayList<>(path.modules());
			LearningContentLoader.ContentModule welcome = reordered.get(0);
			reordered.set(0, new LearningContentLoader.ContentModule(welcome.id(), "Welcome, revised",
					welcome.summary(), welcome.body(), welcome.reward(), welcome.quiz()));
			// swap the last two modules: positions change inside one transaction
			LearningContentLoader.ContentModule last = reordered.remove(reordered.size() - 1);
			reordered.add(reordered.size() - 1, last);
			return new LearningContentLoader.ContentPath(path.id(), path.title(), path.description(), path.bonus(),
					reordered);
		}).toList());
		try {
			assertThat(this.loader.load(changed)).isPositive();
			assertThat(this.jdbc.sql("SELECT title FROM learning_modules WHERE id = 'gs-welcome'")
				.query(String.class)
				.single()).isEqualTo("Welcome, revised");
			assertThat(this.jdbc.sql("SELECT count(*) FROM learning_modules").query(Long.class).single())
				.isEqualTo(modules);
			assertThat(complete(user, "getting-started", "gs-welcome", null).status()).isEqualTo(409);
		}
		finally {
			this.loader.load(original);
		}
		assertThat(this.jdbc.sql("SELECT title FROM learning_modules WHERE id = 'gs-welcome'")
			.query(String.class)
			.single()).isEqualTo("Welcome to Questline");
	}

	@Test
	void contentWithAnAnswerThatIsNotAnOptionIsRefusedWhole() throws Exception {
		ContentFile original = contentFile();
		ContentFile broken = new ContentFile(original.version() + 1, original.paths().stream().map((path) -> {
			List<LearningContentLoader.ContentModule> modules = path.modules().stream().map((module) -> {
				if (module.quiz() == null) {
					return new LearningContentLoader.ContentModule(module.id(), "Changed", module.summary(),
							module.body(), module.reward(), null);
				}
				LearningContentLoader.ContentQuestion question = module.quiz().get(0);
				return new LearningContentLoader.ContentModule(module.id(), module.title(), module.summary(),
						module.body(), module.reward(), List.of(new LearningContentLoader.ContentQuestion(question.id(),
								question.prompt(), question.options(), "not-an-option")));
			}).toList();
			return new LearningContentLoader.ContentPath(path.id(), path.title(), path.description(), path.bonus(),
					modules);
		}).toList());
		assertThatThrownBy(() -> this.loader.load(broken)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not one of its options");
		assertThat(this.jdbc.sql("SELECT count(*) FROM learning_modules WHERE title = 'Changed'")
			.query(Long.class)
			.single()).isZero();
	}

	private ContentFile contentFile() throws Exception {
		try (var in = new ClassPathResource("content/learning-paths.json").getInputStream()) {
			return this.json.readValue(in, ContentFile.class);
		}
	}

	private Response complete(TestUser user, String pathId, String moduleId, Map<String, String> answers) {
		Map<String, Object> body = new HashMap<>();
		body.put("pathId", pathId);
		body.put("moduleId", moduleId);
		if (answers != null) {
			body.put("answers", answers);
		}
		return this.api.post("/api/learning-paths/complete", body).as(user).send();
	}

	/** The right answers, read on the server side as only the server can. */
	private Map<String, String> answersOf(String moduleId) {
		String key = this.jdbc.sql("SELECT answer_key FROM learning_modules WHERE id = :id")
			.param("id", moduleId)
			.query(String.class)
			.optional()
			.orElse(null);
		return (key != null) ? this.json.readValue(key, new TypeReference<Map<String, String>>() {
		}) : null;
	}

	private String wrongOption(String moduleId, String questionId) {
		String right = answersOf(moduleId).get(questionId);
		Quiz quiz = this.json.readValue(this.jdbc.sql("SELECT quiz FROM learning_modules WHERE id = :id")
			.param("id", moduleId)
			.query(String.class)
			.single(), Quiz.class);
		return quiz.questions()
			.stream()
			.filter((question) -> question.id().equals(questionId))
			.flatMap((question) -> question.options().stream())
			.map(Quiz.Option::id)
			.filter((option) -> !option.equals(right))
			.findFirst()
			.orElseThrow();
	}

	private long counter(TestUser user, String metric) {
		return this.jdbc.sql("SELECT value FROM achievement_counters WHERE user_id = :id AND metric = :metric")
			.param("id", user.id())
			.param("metric", metric)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private static String withoutInstance(Response response) {
		JsonNode body = response.json();
		return body.get("code").asString() + "|" + body.get("detail").asString() + "|" + body.propertyNames();
	}

	/** No field anywhere in the body is named like an answer key. */
	private static void assertNoAnswerKey(Response response) {
		List<String> found = new ArrayList<>();
		walk(response.json(), "$", found);
		assertThat(found).as("answer-key fields in %s", response).isEmpty();
	}

	private static void walk(JsonNode node, String path, List<String> found) {
		if (node.isObject()) {
			for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
				String name = names.next();
				if (KEY_FIELDS.contains(name)) {
					found.add(path + "." + name);
				}
				walk(node.get(name), path + "." + name, found);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path + "[" + i + "]", found);
			}
		}
	}

}
