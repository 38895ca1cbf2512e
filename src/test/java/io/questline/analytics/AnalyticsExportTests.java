package io.questline.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.questline.ledger.Ledger;
import io.questline.ledger.SystemAccount;
import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import io.questline.support.MutableClock;
import io.questline.support.TestUsers;
import io.questline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AnalyticsExportTests {

	@Autowired
	Api api;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void csvHoldsDailyAggregatesThenEveryEntryOfTheRangeCorrectlyQuoted() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		TestUser user = this.users.create();
		String awkward = "test:" + tag + ":\"quoted\",with comma";
		credit(user.id(), 2_000, "export_" + tag, awkward, "2032-05-05T00:00:00Z");
		credit(user.id(), 3_000, "export_" + tag, "test:" + tag + ":second", "2032-05-05T23:59:59Z");
		credit(user.id(), 4_000, "export_" + tag, "test:" + tag + ":next-day", "2032-05-06T00:00:00Z");
		TestUser admin = this.users.admin();
		Api.Response response = this.api.get("/api/admin/analytics/export?from=2032-05-05&to=2032-05-05&format=csv")
			.as(admin)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(response.text()).contains("\"" + awkward.replace("\"", "\"\"") + "\"");
		List<List<String>> rows = parseCsv(response.text());
		assertThat(rows.get(0)).isEqualTo(LedgerExport.COLUMNS);
		int type = LedgerExport.COLUMNS.indexOf("type");
		List<List<String>> daily = rows.stream()
			.filter((row) -> row.get(0).equals("daily") && row.get(type).equals("export_" + tag))
			.toList();
		assertThat(daily).hasSize(1);
		assertThat(value(daily.get(0), "date")).isEqualTo("2032-05-05");
		assertThat(value(daily.get(0), "transactions")).isEqualTo("2");
		assertThat(value(daily.get(0), "users")).isEqualTo("1");
		assertThat(value(daily.get(0), "credited")).isEqualTo("5000");
		assertThat(value(daily.get(0), "debited")).isEqualTo("0");
		List<List<String>> entries = rows.stream()
			.filter((row) -> row.get(0).equals("entry") && row.get(type).equals("export_" + tag))
			.toList();
		assertThat(entries).hasSize(4);
		List<String> userLeg = entries.stream()
			.filter((row) -> value(row, "account").equals("user:" + user.id())
					&& value(row, "reference").equals(awkward))
			.findFirst()
			.orElseThrow();
		assertThat(value(userLeg, "amount")).isEqualTo("2000");
		assertThat(value(userLeg, "balance_after")).isEqualTo("2000");
		assertThat(value(userLeg, "created_at")).isEqualTo("2032-05-05T00:00:00Z");
		assertThat(entries).anySatisfy((row) -> {
			assertThat(value(row, "account")).isEqualTo("system:rewards");
			assertThat(value(row, "amount")).isEqualTo("-3000");
			assertThat(value(row, "balance_after")).isEmpty();
		});
		assertThat(entries).noneSatisfy((row) -> assertThat(value(row, "reference")).endsWith("next-day"));
		// Entries come in time order, after the aggregates.
		int firstEntry = rows.indexOf(entries.get(0));
		assertThat(rows.subList(firstEntry, rows.size()))
			.allSatisfy((row) -> assertThat(row.get(0)).isEqualTo("entry"));
	}

	@Test
	void ndjsonHasOneObjectPerLineAndTheExportIsAudited() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		TestUser user = this.users.create();
		credit(user.id(), 1_500, "export_" + tag, "test:" + tag + ":a\"b", "2032-07-07T12:00:00Z");
		TestUser admin = this.users.admin();
		Api.Response response = this.api.get("/api/admin/analytics/export?from=2032-07-01&to=2032-07-31&format=ndjson")
			.as(admin)
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		assertThat(response.text()).endsWith("\n");
		List<JsonNode> lines = new ArrayList<>();
		for (String line : response.text().split("\n")) {
			lines.add(JsonMapper.shared().readTree(line));
		}
		assertThat(lines).anySatisfy((line) -> {
			assertThat(line.get("record").asString()).isEqualTo("daily");
			assertThat(line.get("type").asString()).isEqualTo("export_" + tag);
			assertThat(line.get("credited").asLong()).isEqualTo(1_500);
			assertThat(line.has("reference")).isFalse();
		});
		assertThat(lines).anySatisfy((line) -> {
			assertThat(line.get("record").asString()).isEqualTo("entry");
			assertThat(line.get("reference").asString()).isEqualTo("test:" + tag + ":a\"b");
			assertThat(line.get("account").asString()).isEqualTo("user:" + user.id());
			assertThat(line.get("amount").isNumber()).isTrue();
		});
		Map<String, Object> audit = this.jdbc.sql("""
				SELECT target, outcome, details ->> 'format' AS format FROM audit_log
				 WHERE actor_id = :admin AND action = 'analytics.export'
				""").param("admin", admin.id()).query().singleRow();
		assertThat(audit).containsEntry("target", "ledger:2032-07-01..2032-07-31")
			.containsEntry("outcome", "started")
			.containsEntry("format", "ndjson");
	}

	@Test
	void theFormatDefaultsToCsvAndAFullYearIsAllowed() {
		TestUser admin = this.users.admin();
		Api.Response response = this.api.get("/api/admin/analytics/export?from=2033-01-01&to=2034-01-01")
			.as(admin)
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.text()).isEqualTo(String.join(",", LedgerExport.COLUMNS) + "\r\n");
	}

	@Test
	void badRequestsAreRefusedBeforeAnythingIsStreamedOrAudited() {
		TestUser admin = this.users.admin();
		assertRefused(admin, "from=2032-13-01&to=2032-12-31", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-1-01&to=2032-12-31", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-02-30&to=2032-12-31", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-01-01", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-02-01&to=2032-01-31", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-01-01&to=2032-01-31&format=xml", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-01-01&to=2032-01-31&format=CSV", 400, "VALIDATION_FAILED");
		assertRefused(admin, "from=2032-01-01&to=2033-01-01", 422, "EXPORT_RANGE_TOO_LARGE");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_log WHERE actor_id = :admin")
			.param("admin", admin.id())
			.query(Long.class)
			.single()).isZero();
		TestUser user = this.users.create();
		Api.Response forbidden = this.api.get("/api/admin/analytics/export?from=2032-01-01&to=2032-01-02")
			.as(user)
			.send();
		assertThat(forbidden.status()).isEqualTo(403);
	}

	private void assertRefused(TestUser admin, String query, int status, String code) {
		Api.Response response = this.api.get("/api/admin/analytics/export?" + query).as(admin).send();
		assertThat(response.status()).as(query).isEqualTo(status);
		assertThat(response.code()).as(query).isEqualTo(code);
	}

	private void credit(UUID userId, long amount, String type, String reference, String at) {
		this.clock.setInstant(Instant.parse(at));
		this.transactions.executeWithoutResult(
				(status) -> this.ledger.credit(userId, SystemAccount.REWARDS, amount, type, reference));
		this.clock.reset();
	}

	private static String value(List<String> row, String column) {
		return row.get(LedgerExport.COLUMNS.indexOf(column));
	}

	/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
	private static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '"' && field.length() == 0) {
				i++;
				while (true) {
					char q = text.charAt(i);
					if (q == '"') {
						if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
							continue;
						}
						i++;
						break;
					}
					field.append(q);
					i++;
				}
				continue;
			}
			if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
				i++;
			}
			else if (c == '\r' && text.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i += 2;
			}
			else {
				assertThat(c).as("bare line feed or quote at %d", i).isNotIn('\n', '"');
				field.append(c);
				i++;
			}
		}
		assertThat(row).as("the last record ends in CRLF").isEmpty();
		return rows;
	}

}
