package io.questline.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's SQL. Only INSERTs touch transactions and entries; the one UPDATE is of a
 * user account's cached balance, guarded so it never goes below zero.
 */
@Repository
class LedgerEntries {

	private final JdbcClient jdbc;

	private final Map<SystemAccount, Long> systemAccountIds = new EnumMap<>(SystemAccount.class);

	LedgerEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a transaction header unless its reference exists.
	 * @return its id, or empty when the reference was already used
	 */
	Optional<Long> insertTransaction(String reference, String type, String memoJson, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO ledger_transactions (reference, type, memo, created_at)
				VALUES (:reference, :type, CAST(:memo AS jsonb), :at)
				ON CONFLICT (reference) DO NOTHING
				RETURNING id
				""")
			.param("reference", reference)
			.param("type", type)
			.param("memo", memoJson)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional();
	}

	/**
	 * Adds to a user's balance, opening the account on the first credit.
	 * @return the account id and the new balance, or empty when the balance would go
	 * below zero
	 */
	Optional<AccountBalance> addToUser(UUID userId, long amount) {
		if (amount > 0) {
			return this.jdbc.sql("""
					INSERT INTO ledger_accounts (user_id, balance) VALUES (:userId, :amount)
					ON CONFLICT (user_id) DO UPDATE SET balance = ledger_accounts.balance + excluded.balance
					RETURNING id, balance
					""").param("userId", userId).param("amount", amount).query(AccountBalance.class).optional();
		}
		return this.jdbc.sql("""
				UPDATE ledger_accounts SET balance = balance + :amount
				 WHERE user_id = :userId AND balance + :amount >= 0
				RETURNING id, balance
				""").param("userId", userId).param("amount", amount).query(AccountBalance.class).optional();
	}

	long systemAccountId(SystemAccount account) {
		synchronized (this.systemAccountIds) {
			Long id = this.systemAccountIds.get(account);
			if (id != null) {
				return id;
			}
		}
		int inserted = this.jdbc
			.sql("INSERT INTO ledger_accounts (system_code) VALUES (:code) ON CONFLICT (system_code) DO NOTHING")
			.param("code", account.code())
			.update();
		long id = this.jdbc.sql("SELECT id FROM ledger_accounts WHERE system_code = :code")
			.param("code", account.code())
			.query(Long.class)
			.single();
		// A row this transaction inserted vanishes if it rolls back (a debit refused for
		// the balance, say): only an id that was already committed may be remembered.
		if (inserted == 0) {
			synchronized (this.systemAccountIds) {
				this.systemAccountIds.put(account, id);
			}
		}
		return id;
	}

	void insertEntry(long transactionId, long accountId, long amount, Long balanceAfter, Instant at) {
		this.jdbc.sql("""
				INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after, created_at)
				VALUES (:transactionId, :accountId, :amount, :balanceAfter, :at)
				""")
			.param("transactionId", transactionId)
			.param("accountId", accountId)
			.param("amount", amount)
			.param("balanceAfter", balanceAfter)
			.param("at", Timestamp.from(at))
			.update();
	}

	long balanceOf(UUID userId) {
		return this.jdbc.sql("SELECT balance FROM ledger_accounts WHERE user_id = :userId")
			.param("userId", userId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	boolean referenceExists(String reference) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_transactions WHERE reference = :reference)")
			.param("reference", reference)
			.query(Boolean.class)
			.single();
	}

	LedgerCheck check() {
		return this.jdbc
			.sql("""
					SELECT
					  (SELECT count(*) FROM ledger_accounts WHERE user_id IS NOT NULL) AS accounts_checked,
					  (SELECT count(*) FROM ledger_transactions) AS transactions_checked,
					  (SELECT count(*) FROM ledger_accounts a
					     LEFT JOIN (SELECT account_id, sum(amount) AS total FROM ledger_entries GROUP BY account_id) e
					       ON e.account_id = a.id
					    WHERE a.user_id IS NOT NULL AND a.balance <> coalesce(e.total, 0)) AS balance_mismatches,
					  (SELECT count(*) FROM (
					     SELECT t.id FROM ledger_transactions t LEFT JOIN ledger_entries e ON e.transaction_id = t.id
					      GROUP BY t.id HAVING coalesce(sum(e.amount), 0) <> 0 OR count(e.id) < 2) u) AS unbalanced_transactions,
					  (SELECT count(*) FROM ledger_accounts WHERE user_id IS NOT NULL AND balance < 0)
					  + (SELECT count(*) FROM ledger_entries WHERE balance_after < 0) AS negative_balances
					""")
			.query(LedgerCheck.class)
			.single();
	}

	/**
	 * A page of a user's entries, newest first.
	 * @param beforeEntryId only entries older than this one ({@code Long.MAX_VALUE} for
	 * the first page)
	 * @param limit how many rows to fetch
	 */
	List<UserEntry> entriesOf(UUID userId, long beforeEntryId, int limit) {
		return this.jdbc.sql("""
				SELECT e.id AS entry_id, t.id AS transaction_id, t.type, e.amount, e.balance_after, t.reference,
				       e.created_at, t.memo::text AS memo
				  FROM ledger_accounts a
				  JOIN ledger_entries e ON e.account_id = a.id
				  JOIN ledger_transactions t ON t.id = e.transaction_id
				 WHERE a.user_id = :userId AND e.id < :before
				 ORDER BY e.id DESC
				 LIMIT :limit
				""")
			.param("userId", userId)
			.param("before", beforeEntryId)
			.param("limit", limit)
			.query(LedgerEntries::userEntry)
			.list();
	}

	/**
	 * A user's entry in the transaction with a reference.
	 */
	Optional<UserEntry> entryOf(UUID userId, String reference) {
		return this.jdbc.sql("""
				SELECT e.id AS entry_id, t.id AS transaction_id, t.type, e.amount, e.balance_after, t.reference,
				       e.created_at, t.memo::text AS memo
				  FROM ledger_transactions t
				  JOIN ledger_entries e ON e.transaction_id = t.id
				  JOIN ledger_accounts a ON a.id = e.account_id
				 WHERE t.reference = :reference AND a.user_id = :userId
				""").param("userId", userId).param("reference", reference).query(LedgerEntries::userEntry).optional();
	}

	/**
	 * Millicoins a user has sent in transfers since an instant.
	 */
	long transferredOutSince(UUID userId, Instant since) {
		return this.jdbc.sql("""
				SELECT coalesce(-sum(e.amount), 0)
				  FROM ledger_accounts a
				  JOIN ledger_entries e ON e.account_id = a.id
				  JOIN ledger_transactions t ON t.id = e.transaction_id
				 WHERE a.user_id = :userId AND t.type = 'transfer' AND e.amount < 0 AND e.created_at >= :since
				""").param("userId", userId).param("since", Timestamp.from(since)).query(Long.class).single();
	}

	private static UserEntry userEntry(ResultSet rs, int row) throws SQLException {
		return new UserEntry(rs.getLong("entry_id"), rs.getLong("transaction_id"), rs.getString("type"),
				rs.getLong("amount"), rs.getLong("balance_after"), rs.getString("reference"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("memo"));
	}

	/**
	 * A user account after a change.
	 *
	 * @param id the account id
	 * @param balance the new balance
	 */
	record AccountBalance(long id, long balance) {

	}

}
