package io.questline.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.questline.shared.audit.AuditLog;
import io.questline.shared.web.InvalidRequestException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a task for an admin, checked against the rules and audited in the same
 * transaction.
 */
@Service
class CreateTaskService {

	private final Tasks tasks;

	private final AuditLog audit;

	private final TaskProperties properties;

	private final Clock clock;

	CreateTaskService(Tasks tasks, AuditLog audit, TaskProperties properties, Clock clock) {
		this.tasks = tasks;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	Task create(UUID adminId, String title, String description, long reward, String recurrence, Instant startsAt,
			Instant endsAt) {
		if (reward < 1 || reward > this.properties.maxReward()) {
			throw new InvalidRequestException("reward",
					"must be between 1 and " + this.properties.maxReward() + " millicoins");
		}
		Instant now = this.clock.instant();
		if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
			throw new InvalidRequestException("endsAt", "must be after startsAt");
		}
		if (endsAt != null && !endsAt.isAfter(now)) {
			throw new InvalidRequestException("endsAt", "must be in the future");
		}
		Task task = this.tasks.insert(title, description, reward, recurrence, startsAt, endsAt, adminId, now);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("title", title);
		details.put("reward", reward);
		details.put("recurrence", recurrence);
		details.put("startsAt", (startsAt != null) ? startsAt.toString() : null);
		details.put("endsAt", (endsAt != null) ? endsAt.toString() : null);
		this.audit.record(adminId, "tasks.create", "task:" + task.id(), null, "success", details);
		return task;
	}

}
