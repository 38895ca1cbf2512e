package io.questline.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records admin writes: who, what, when, on what, why and with what outcome. Called
 * inside the transaction of the change, so the record and the change commit or roll back
 * together.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records one admin action.
	 * @param actorId the admin
	 * @param action what was done, e.g. {@code users.ban}
	 * @param target what it was done to, e.g. {@code user:<id>}
	 * @param reason the reason given, if any
	 * @param outcome e.g. {@code success}
	 * @param details further facts, may be empty
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID actorId, String action, String target, String reason, String outcome,
			Map<String, Object> details) {
		this.jdbc.sql("""
				INSERT INTO audit_log (actor_id, action, target, reason, outcome, details, created_at)
				VALUES (:actor, :action, :target, :reason, :outcome, CAST(:details AS jsonb), :at)
				""")
			.param("actor", actorId)
			.param("action", action)
			.param("target", target)
			.param("reason", reason)
			.param("outcome", outcome)
			.param("details", (details == null || details.isEmpty()) ? null : this.json.writeValueAsString(details))
			.param("at", Timestamp.from(this.clock.instant()))
			.update();
	}

}
