package io.questline.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tasks' SQL.
 */
@Repository
class Tasks {

	private final JdbcClient jdbc;

	Tasks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Task insert(String title, String description, long reward, String recurrence, Instant startsAt, Instant endsAt,
			UUID createdBy, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO tasks (title, description, reward, recurrence, starts_at, ends_at, created_by, created_at)
				VALUES (:title, :description, :reward, :recurrence, :startsAt, :endsAt, :createdBy, :now)
				RETURNING id, title, description, reward, recurrence, starts_at, ends_at, created_at
				""")
			.param("title", title)
			.param("description", description)
			.param("reward", reward)
			.param("recurrence", recurrence)
			.param("startsAt", timestamp(startsAt))
			.param("endsAt", timestamp(endsAt))
			.param("createdBy", createdBy)
			.param("now", Timestamp.from(now))
			.query(Tasks::task)
			.single();
	}

	Optional<Task> find(long id) {
		return this.jdbc
			.sql("""
					SELECT id, title, description, reward, recurrence, starts_at, ends_at, created_at FROM tasks WHERE id = :id
					""")
			.param("id", id)
			.query(Tasks::task)
			.optional();
	}

	/**
	 * Tasks that have not ended, oldest first.
	 */
	List<Task> findOpen(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id, title, description, reward, recurrence, starts_at, ends_at, created_at
				  FROM tasks WHERE ends_at IS NULL OR ends_at > :now ORDER BY id LIMIT :limit
				""").param("now", Timestamp.from(now)).param("limit", limit).query(Tasks::task).list();
	}

	/**
	 * A user's latest completion of each of these tasks.
	 */
	List<LastCompletion> lastCompletions(UUID userId, Collection<Long> taskIds) {
		if (taskIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT DISTINCT ON (task_id) task_id, period, completed_at
				  FROM task_completions WHERE user_id = :userId AND task_id IN (:taskIds)
				 ORDER BY task_id, completed_at DESC
				""")
			.param("userId", userId)
			.param("taskIds", taskIds)
			.query((rs, row) -> new LastCompletion(rs.getLong("task_id"), rs.getString("period"),
					rs.getTimestamp("completed_at").toInstant()))
			.list();
	}

	/**
	 * Records a completion unless the user has one for the period; concurrent completions
	 * wait for the first on the unique key and then find it taken.
	 */
	boolean insertCompletion(long taskId, UUID userId, String period, long reward, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO task_completions (task_id, user_id, period, reward, completed_at)
				VALUES (:taskId, :userId, :period, :reward, :now)
				ON CONFLICT (task_id, user_id, period) DO NOTHING
				""")
			.param("taskId", taskId)
			.param("userId", userId)
			.param("period", period)
			.param("reward", reward)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getLong("reward"),
				rs.getString("recurrence"), instant(rs, "starts_at"), instant(rs, "ends_at"),
				instant(rs, "created_at"));
	}

	/**
	 * A user's latest completion of a task.
	 *
	 * @param taskId the task
	 * @param period its period ({@code once} or a local date)
	 * @param completedAt when
	 */
	record LastCompletion(long taskId, String period, Instant completedAt) {

	}

}
