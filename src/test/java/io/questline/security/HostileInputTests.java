package io.questline.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.support.Api;
import io.questline.support.Api.Response;
import io.questline.support.IntegrationTest;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the OpenAPI document, so every endpoint is covered as soon as it is
 * published: each request body field and query parameter gets hostile values (wrong
 * types, 10,000-character strings, control characters, SQL and script payloads, huge and
 * negative numbers, missing and extra fields). The server must answer each with a 4xx
 * problem, never a 5xx, and no balance may change. SQL and script text may be accepted as
 * plain text, but never with a 5xx.
 */
@IntegrationTest
class HostileInputTests {

	static final String SQL = "' OR 1=1; DROP TABLE users; --";

	static final String SCRIPT = "<script>alert(1)</script>";

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	private final List<UUID> callers = new ArrayList<>();

	private TestUser caller;

	private TestUser admin;

	private int sentByCaller;

	private int sentByAdmin;

	@Test
	void everyEndpointAnswersHostileInputWithA4xxAndMovesNoCoins() {
		JsonNode docs = this.api.get("/v3/api-docs").send().json();
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				for (Probe probe : probes(docs, path.getKey(), operation.getValue())) {
					Response response = send(method, probe);
					sent++;
					if (response.status() >= 500) {
						failures.add(method + " " + abbreviate(probe.pathAndQuery()) + " " + abbreviate(probe.body())
								+ " -> " + abbreviate(response.toString()));
					}
					else if (probe.mustFail() && (response.status() < 400
							|| !response.header("Content-Type").orElse("").contains("problem+json"))) {
						failures.add(method + " " + abbreviate(probe.pathAndQuery()) + " " + abbreviate(probe.body())
								+ " should be a 4xx problem but was " + response.status());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(sent).isGreaterThan(10);
		Long moved = this.jdbc.sql("SELECT coalesce(sum(abs(balance)), 0) FROM ledger_accounts WHERE user_id IN (:ids)")
			.param("ids", this.callers)
			.query(Long.class)
			.single();
		assertThat(moved).as("coins moved for the hostile callers").isZero();
	}

	private Response send(String method, Probe probe) {
		boolean adminPath = probe.pathAndQuery().startsWith("/api/admin/");
		TestUser user = adminPath ? admin() : caller();
		Api.Request request = this.api.method(method, probe.pathAndQuery(), probe.body())
			.as(user)
			.idempotencyKey(UUID.randomUUID().toString());
		return request.send();
	}

	// A fresh caller every few requests keeps each under its per-user rate limits.
	private TestUser caller() {
		if (this.caller == null || ++this.sentByCaller > 40) {
			this.caller = this.users.create();
			this.callers.add(this.caller.id());
			this.sentByCaller = 0;
		}
		return this.caller;
	}

	private TestUser admin() {
		if (this.admin == null || ++this.sentByAdmin > 80) {
			this.admin = this.users.admin();
			this.callers.add(this.admin.id());
			this.sentByAdmin = 0;
		}
		return this.admin;
	}

	private List<Probe> probes(JsonNode docs, String path, JsonNode operation) {
		List<Probe> probes = new ArrayList<>();
		JsonNode parameters = operation.get("parameters");
		if (parameters != null) {
			Map<String, JsonNode> query = new LinkedHashMap<>();
			for (JsonNode parameter : parameters) {
				if ("query".equals(parameter.get("in").asString())) {
					query.put(parameter.get("name").asString(), resolve(docs, parameter.get("schema")));
				}
			}
			for (Map.Entry<String, JsonNode> parameter : query.entrySet()) {
				for (Hostile value : hostileValues(parameter.getValue())) {
					String raw = value.node().isString() ? value.node().asString() : value.node().toString();
					probes.add(new Probe(path + "?" + parameter.getKey() + "=" + encode(raw), null,
							value.mustFail() && !isFreeText(parameter.getKey())));
				}
			}
		}
		JsonNode body = operation.at("/requestBody/content/application~1json/schema");
		if (body.isMissingNode()) {
			return probes;
		}
		JsonNode schema = resolve(docs, body);
		if (!schema.has("properties")) {
			return probes;
		}
		ObjectNode base = this.api.json().createObjectNode();
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			base.set(property.getKey(), plausible(resolve(docs, property.getValue())));
		}
		probes.add(new Probe(path, "[]", true));
		probes.add(new Probe(path, "null", true));
		probes.add(new Probe(path, "\"text\"", true));
		probes.add(new Probe(path, "{\"name\":", true));
		ObjectNode extra = base.deepCopy();
		extra.put("unexpectedField", 1);
		probes.add(new Probe(path, extra.toString(), true));
		if (schema.has("required") && !schema.get("required").isEmpty()) {
			probes.add(new Probe(path, "{}", true));
		}
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			for (Hostile value : hostileValues(resolve(docs, property.getValue()))) {
				ObjectNode variant = base.deepCopy();
				variant.set(property.getKey(), value.node());
				probes.add(new Probe(path, variant.toString(), value.mustFail()));
			}
		}
		return probes;
	}

	private List<Hostile> hostileValues(JsonNode schema) {
		String type = schema.has("type") ? schema.get("type").asString() : "object";
		var json = this.api.json();
		List<Hostile> values = new ArrayList<>();
		switch (type) {
			case "string" -> {
				values.add(new Hostile(json.getNodeFactory().numberNode(12345), true));
				values.add(new Hostile(json.getNodeFactory().stringNode("x".repeat(10_000)), true));
				values.add(new Hostile(json.getNodeFactory().stringNode("bell\u0007text"), true));
				values.add(new Hostile(json.getNodeFactory().stringNode(SQL), false));
				values.add(new Hostile(json.getNodeFactory().stringNode(SCRIPT), false));
			}
			case "integer", "number" -> {
				values.add(new Hostile(json.getNodeFactory().stringNode("abc"), true));
				values.add(new Hostile(
						json.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999999")), true));
				values.add(new Hostile(json.getNodeFactory().numberNode(-1_000_000), true));
				values.add(new Hostile(json.getNodeFactory().numberNode(1.5), true));
			}
			case "boolean" -> {
				values.add(new Hostile(json.getNodeFactory().stringNode("yes"), true));
				values.add(new Hostile(json.getNodeFactory().numberNode(1), true));
			}
			case "array" -> values.add(new Hostile(json.getNodeFactory().stringNode(SQL), true));
			default -> values.add(new Hostile(json.getNodeFactory().stringNode(SCRIPT), true));
		}
		return values;
	}

	private JsonNode plausible(JsonNode schema) {
		var nodes = this.api.json().getNodeFactory();
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.has("type") ? schema.get("type").asString() : "object";
		String format = schema.has("format") ? schema.get("format").asString() : "";
		return switch (type) {
			case "string" -> switch (format) {
				case "uuid" -> nodes.stringNode(UUID.randomUUID().toString());
				case "date-time" -> nodes.stringNode("2030-01-01T00:00:00Z");
				case "date" -> nodes.stringNode("2030-01-01");
				default -> nodes.stringNode("plain");
			};
			case "integer", "number" -> nodes.numberNode(1);
			case "boolean" -> nodes.booleanNode(true);
			case "array" -> nodes.arrayNode();
			default -> nodes.objectNode();
		};
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 5 && current != null && current.has("$ref"); i++) {
			current = docs.at(current.get("$ref").asString().substring(1));
		}
		if (current != null && current.has("oneOf")) {
			current = resolve(docs, current.get("oneOf").get(0));
		}
		return (current != null) ? current : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
	}

	private static boolean isFreeText(String name) {
		return name.equals("q");
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String abbreviate(String body) {
		return (body == null || body.length() < 200) ? body : body.substring(0, 200) + "...";
	}

	record Probe(String pathAndQuery, String body, boolean mustFail) {
	}

	record Hostile(JsonNode node, boolean mustFail) {
	}

}
