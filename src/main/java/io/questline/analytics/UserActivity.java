package io.questline.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One user's earnings read from the ledger for their dashboard, bounded by the user's id
 * and a time window, on an index. (Sessions and streaks come from their features' own
 * services.)
 */
@Repository
class UserActivity {

	private final JdbcClient jdbc;

	UserActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Credits to the user from earning system accounts, per day in the user's timezone,
	 * for {@code from <= created_at < to}.
	 */
	Map<LocalDate, Long> earnedByDay(UUID userId, ZoneId zone, Instant from, Instant to,
			Collection<String> earningAccounts) {
		Map<LocalDate, Long> earned = new HashMap<>();
		// Rows, not SQL day buckets: days are cut with Java's zone rules, the same ones
		// the rest of the server counts days with (PostgreSQL may not know every zone
		// id).
		this.jdbc.sql("""
				SELECT e.created_at, e.amount
				  FROM ledger_accounts a
				  JOIN ledger_entries e ON e.account_id = a.id
				 WHERE a.user_id = :userId
				   AND e.created_at >= :from AND e.created_at < :to
				   AND e.amount > 0
				   AND EXISTS (SELECT 1 FROM ledger_entries s
				                 JOIN ledger_accounts sa ON sa.id = s.account_id
				                WHERE s.transaction_id = e.transaction_id AND s.amount < 0
				                  AND sa.system_code IN (:accounts))
				""")
			.param("userId", userId)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("accounts", earningAccounts)
			.query((rs) -> {
				LocalDate day = LocalDate.ofInstant(rs.getTimestamp("created_at").toInstant(), zone);
				earned.merge(day, rs.getLong("amount"), Long::sum);
			});
		return earned;
	}

}
