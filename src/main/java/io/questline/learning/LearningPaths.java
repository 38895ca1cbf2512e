package io.questline.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The learning paths' SQL: definitions (upserted from content), module and path
 * completions. The answer key column is read by {@link #findModule} only, for checking
 * answers; no query that feeds a response selects it.
 */
@Repository
class LearningPaths {

	private static final TypeReference<Map<String, String>> ANSWER_KEY = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	LearningPaths(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	boolean upsertPath(String id, String title, String description, long bonus, int position, int version,
			Instant now) {
		return this.jdbc.sql("""
				INSERT INTO learning_paths (id, title, description, bonus, position, version, updated_at)
				VALUES (:id, :title, :description, :bonus, :position, :version, :now)
				ON CONFLICT (id) DO UPDATE
				   SET title = excluded.title, description = excluded.description, bonus = excluded.bonus,
				       position = excluded.position, version = excluded.version, updated_at = excluded.updated_at
				 WHERE (learning_paths.title, learning_paths.description, learning_paths.bonus, learning_paths.position,
				        learning_paths.version)
				       IS DISTINCT FROM
				       (excluded.title, excluded.description, excluded.bonus, excluded.position, excluded.version)
				""")
			.param("id", id)
			.param("title", title)
			.param("description", description)
			.param("bonus", bonus)
			.param("position", position)
			.param("version", version)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	boolean upsertModule(String pathId, String id, String title, String summary, String body, int position, long reward,
			Quiz quiz, Map<String, String> answerKey, int version, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO learning_modules (id, path_id, title, summary, body, position, reward, quiz, answer_key,
					                              version, updated_at)
					VALUES (:id, :pathId, :title, :summary, :body, :position, :reward, CAST(:quiz AS jsonb),
					        CAST(:answerKey AS jsonb), :version, :now)
					ON CONFLICT (id) DO UPDATE
					   SET path_id = excluded.path_id, title = excluded.title, summary = excluded.summary,
					       body = excluded.body, position = excluded.position, reward = excluded.reward,
					       quiz = excluded.quiz, answer_key = excluded.answer_key, version = excluded.version,
					       updated_at = excluded.updated_at
					 WHERE (learning_modules.path_id, learning_modules.title, learning_modules.summary, learning_modules.body,
					        learning_modules.position, learning_modules.reward, learning_modules.quiz,
					        learning_modules.answer_key, learning_modules.version)
					       IS DISTINCT FROM
					       (excluded.path_id, excluded.title, excluded.summary, excluded.body, excluded.position,
					        excluded.reward, excluded.quiz, excluded.answer_key, excluded.version)
					""")
			.param("id", id)
			.param("pathId", pathId)
			.param("title", title)
			.param("summary", summary)
			.param("body", body)
			.param("position", position)
			.param("reward", reward)
			.param("quiz", (quiz != null) ? this.json.writeValueAsString(quiz) : null)
			.param("answerKey", (answerKey != null) ? this.json.writeValueAsString(answerKey) : null)
			.param("version", version)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<PathRow> findPaths() {
		return this.jdbc.sql("SELECT id, title, description, bonus FROM learning_paths ORDER BY position, id")
			.query(PathRow.class)
			.list();
	}

	/**
	 * Every module, with its public quiz only.
	 */
	List<ModuleRow> findModules() {
		return this.jdbc.sql("""
				SELECT id, path_id, title, summary, body, position, reward, quiz
				  FROM learning_modules ORDER BY path_id, position
				""").query(this::moduleRow).list();
	}

	Optional<Long> findPathBonus(String pathId) {
		return this.jdbc.sql("SELECT bonus FROM learning_paths WHERE id = :id")
			.param("id", pathId)
			.query(Long.class)
			.optional();
	}

	/**
	 * A module of a path, with its answer key (for checking answers, never for a
	 * response).
	 */
	Optional<GradedModule> findModule(String pathId, String moduleId) {
		return this.jdbc
			.sql("""
					SELECT id, path_id, position, reward, answer_key FROM learning_modules WHERE id = :id AND path_id = :pathId
					""")
			.param("id", moduleId)
			.param("pathId", pathId)
			.query((rs, row) -> {
				String key = rs.getString("answer_key");
				return new GradedModule(rs.getString("id"), rs.getString("path_id"), rs.getInt("position"),
						rs.getLong("reward"), (key != null) ? this.json.readValue(key, ANSWER_KEY) : null);
			})
			.optional();
	}

	/**
	 * The module just before a position in a path, if any.
	 */
	Optional<String> previousModule(String pathId, int position) {
		return this.jdbc.sql("""
				SELECT id FROM learning_modules WHERE path_id = :pathId AND position < :position
				 ORDER BY position DESC LIMIT 1
				""").param("pathId", pathId).param("position", position).query(String.class).optional();
	}

	boolean isCompleted(UUID userId, String moduleId) {
		return this.jdbc
			.sql("""
					SELECT EXISTS (SELECT 1 FROM learning_module_completions WHERE user_id = :userId AND module_id = :moduleId)
					""")
			.param("userId", userId)
			.param("moduleId", moduleId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Records a module completion unless there is one; concurrent completions of the same
	 * module wait for the first and then find it taken.
	 */
	boolean insertModuleCompletion(UUID userId, String pathId, String moduleId, long reward, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO learning_module_completions (user_id, module_id, path_id, reward, completed_at)
				VALUES (:userId, :moduleId, :pathId, :reward, :now)
				ON CONFLICT (user_id, module_id) DO NOTHING
				""")
			.param("userId", userId)
			.param("moduleId", moduleId)
			.param("pathId", pathId)
			.param("reward", reward)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Whether the user has completed every module the path has now.
	 */
	boolean allModulesCompleted(UUID userId, String pathId) {
		return this.jdbc.sql("""
				SELECT NOT EXISTS (
				  SELECT 1 FROM learning_modules m
				   WHERE m.path_id = :pathId
				     AND NOT EXISTS (SELECT 1 FROM learning_module_completions c
				                      WHERE c.user_id = :userId AND c.module_id = m.id))
				""").param("userId", userId).param("pathId", pathId).query(Boolean.class).single();
	}

	boolean insertPathCompletion(UUID userId, String pathId, long bonus, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO learning_path_completions (user_id, path_id, bonus, completed_at)
				VALUES (:userId, :pathId, :bonus, :now)
				ON CONFLICT (user_id, path_id) DO NOTHING
				""")
			.param("userId", userId)
			.param("pathId", pathId)
			.param("bonus", bonus)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	List<PathProgress> progress(UUID userId) {
		return this.jdbc.sql("""
				SELECT p.id AS path_id,
				       (SELECT count(*) FROM learning_module_completions c JOIN learning_modules m ON m.id = c.module_id
				         WHERE c.user_id = :userId AND m.path_id = p.id) AS completed_modules,
				       (SELECT count(*) FROM learning_modules m WHERE m.path_id = p.id) AS total_modules,
				       pc.completed_at
				  FROM learning_paths p
				  LEFT JOIN learning_path_completions pc ON pc.path_id = p.id AND pc.user_id = :userId
				 ORDER BY p.position, p.id
				""").param("userId", userId).query((rs, row) -> {
			Timestamp completedAt = rs.getTimestamp("completed_at");
			return new PathProgress(rs.getString("path_id"), rs.getInt("completed_modules"), rs.getInt("total_modules"),
					(completedAt != null) ? completedAt.toInstant() : null);
		}).list();
	}

	/**
	 * The module a user would do next: the first incomplete module of the first path they
	 * started and have not finished, else the first module of the first path they have
	 * not started. Empty when every path is done.
	 */
	Optional<NextModule> nextModule(UUID userId) {
		return this.jdbc
			.sql("""
					SELECT p.id AS path_id, p.title AS path_title, p.bonus, m.id AS module_id, m.title AS module_title,
					       m.reward, started.path_id IS NOT NULL AS started,
					       NOT EXISTS (SELECT 1 FROM learning_modules later
					                    WHERE later.path_id = p.id AND later.position > m.position) AS last
					  FROM learning_paths p
					  JOIN learning_modules m ON m.path_id = p.id
					  LEFT JOIN (SELECT DISTINCT c.path_id FROM learning_module_completions c WHERE c.user_id = :userId) started
					    ON started.path_id = p.id
					 WHERE NOT EXISTS (SELECT 1 FROM learning_module_completions c
					                    WHERE c.user_id = :userId AND c.module_id = m.id)
					   AND (started.path_id IS NOT NULL
					        OR NOT EXISTS (SELECT 1 FROM learning_modules earlier
					                        WHERE earlier.path_id = p.id AND earlier.position < m.position))
					 ORDER BY started DESC, p.position, p.id, m.position
					 LIMIT 1
					""")
			.param("userId", userId)
			.query((rs, row) -> new NextModule(rs.getString("path_id"), rs.getString("path_title"), rs.getLong("bonus"),
					rs.getString("module_id"), rs.getString("module_title"), rs.getLong("reward"),
					rs.getBoolean("started"), rs.getBoolean("last")))
			.optional();
	}

	private ModuleRow moduleRow(ResultSet rs, int row) throws SQLException {
		String quiz = rs.getString("quiz");
		return new ModuleRow(rs.getString("id"), rs.getString("path_id"), rs.getString("title"),
				rs.getString("summary"), rs.getString("body"), rs.getInt("position"), rs.getLong("reward"),
				(quiz != null) ? this.json.readValue(quiz, Quiz.class) : null);
	}

	record PathRow(String id, String title, String description, long bonus) {

	}

	record ModuleRow(String id, String pathId, String title, String summary, String body, int position, long reward,
			Quiz quiz) {

	}

	/**
	 * A module as needed to complete it.
	 *
	 * @param id the module
	 * @param pathId its path
	 * @param position its place in the path, from 1
	 * @param reward millicoins it pays
	 * @param answerKey question id to right option id, or {@code null} without a quiz
	 */
	record GradedModule(String id, String pathId, int position, long reward, Map<String, String> answerKey) {

	}

	/**
	 * The module a user would do next.
	 *
	 * @param pathId its path
	 * @param pathTitle the path's title
	 * @param pathBonus what finishing the path pays
	 * @param moduleId the module
	 * @param moduleTitle its title
	 * @param reward what it pays
	 * @param started whether the user has completed a module of the path
	 * @param last whether it is the path's last module
	 */
	record NextModule(String pathId, String pathTitle, long pathBonus, String moduleId, String moduleTitle, long reward,
			boolean started, boolean last) {

	}

	/**
	 * A user's progress on a path.
	 *
	 * @param pathId the path
	 * @param completedModules modules the user completed
	 * @param totalModules modules the path has
	 * @param completedAt when the user completed the path, or {@code null}
	 */
	record PathProgress(String pathId, int completedModules, int totalModules, Instant completedAt) {

	}

}
