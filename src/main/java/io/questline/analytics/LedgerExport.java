package io.questline.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams daily aggregates and then every ledger entry of a range of UTC days straight
 * from the database to a writer. Rows are fetched {@code exportFetchSize} at a time
 * through a server-side cursor (which PostgreSQL only uses inside a transaction, hence
 * the read-only one here) and written as they come, so memory stays flat whatever the
 * range holds.
 */
@Component
class LedgerExport {

	static final List<String> COLUMNS = List.of("record", "date", "type", "transactions", "users", "credited",
			"debited", "entry_id", "created_at", "transaction_id", "reference", "account", "amount", "balance_after");

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	LedgerExport(DataSource dataSource, PlatformTransactionManager transactions, AnalyticsProperties properties) {
		// Its own template: the shared one's query timeout is for requests, not exports.
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(properties.exportFetchSize());
		template.setQueryTimeout((int) properties.exportQueryTimeout().toSeconds());
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Writes the days {@code from..to} (both included, UTC).
	 * @return the number of records written
	 */
	long write(LocalDate from, LocalDate to, ExportFormat format, Writer out) {
		Map<String, Object> range = Map.of("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()), "to",
				Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		long[] written = { 0 };
		Object[] values = new Object[COLUMNS.size()];
		try {
			format.header(out, COLUMNS);
			// One snapshot for both queries, so the aggregates add up to the entries.
			this.readOnly.executeWithoutResult((status) -> {
				this.jdbc.query(
						"""
								SELECT (e.created_at AT TIME ZONE 'UTC')::date AS day, t.type,
								       count(DISTINCT t.id) AS transactions,
								       count(DISTINCT a.user_id) AS users,
								       COALESCE(sum(e.amount) FILTER (WHERE a.user_id IS NOT NULL AND e.amount > 0), 0) AS credited,
								       COALESCE(-sum(e.amount) FILTER (WHERE a.user_id IS NOT NULL AND e.amount < 0), 0) AS debited
								  FROM ledger_entries e
								  JOIN ledger_transactions t ON t.id = e.transaction_id
								  JOIN ledger_accounts a ON a.id = e.account_id
								 WHERE e.created_at >= :from AND e.created_at < :to
								 GROUP BY 1, 2
								 ORDER BY 1, 2
								""",
						range, (rs) -> {
							Arrays.fill(values, null);
							values[0] = "daily";
							values[1] = rs.getObject("day", LocalDate.class);
							values[2] = rs.getString("type");
							values[3] = rs.getLong("transactions");
							values[4] = rs.getLong("users");
							values[5] = rs.getLong("credited");
							values[6] = rs.getLong("debited");
							row(format, out, values);
							written[0]++;
						});
				this.jdbc.query("""
						SELECT e.id, e.created_at, e.transaction_id, t.reference, t.type, a.user_id, a.system_code,
						       e.amount, e.balance_after
						  FROM ledger_entries e
						  JOIN ledger_transactions t ON t.id = e.transaction_id
						  JOIN ledger_accounts a ON a.id = e.account_id
						 WHERE e.created_at >= :from AND e.created_at < :to
						 ORDER BY e.created_at, e.id
						""", range, (rs) -> {
					Arrays.fill(values, null);
					Instant createdAt = rs.getTimestamp("created_at").toInstant();
					Object userId = rs.getObject("user_id");
					long amount = rs.getLong("amount");
					long balanceAfter = rs.getLong("balance_after");
					boolean noBalance = rs.wasNull();
					values[0] = "entry";
					values[1] = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
					values[2] = rs.getString("type");
					values[7] = rs.getLong("id");
					values[8] = createdAt;
					values[9] = rs.getLong("transaction_id");
					values[10] = rs.getString("reference");
					values[11] = (userId != null) ? "user:" + userId : "system:" + rs.getString("system_code");
					values[12] = amount;
					values[13] = noBalance ? null : balanceAfter;
					row(format, out, values);
					written[0]++;
				});
			});
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written[0];
	}

	private static void row(ExportFormat format, Writer out, Object[] values) {
		try {
			format.row(out, COLUMNS, values);
		}
		catch (IOException ex) {
			// The client went away: stop reading rows.
			throw new UncheckedIOException(ex);
		}
	}

}
