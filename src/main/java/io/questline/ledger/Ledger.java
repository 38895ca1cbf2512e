package io.questline.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way coins move. Every feature credits or debits through here, inside its own
 * transaction, with a reference that makes the movement happen at most once:
 * {@code session:<id>}, {@code achievement:<user>:<code>}, {@code stripe:pi:<id>}, ...
 *
 * <p>
 * A posting's legs sum to zero. Accounts are updated in a fixed order so two postings
 * never wait on each other in a cycle. A user balance never goes below zero: the update
 * is guarded and the database checks it too.
 */
@Service
public class Ledger {

	private final LedgerEntries entries;

	private final JsonMapper json;

	private final Clock clock;

	Ledger(LedgerEntries entries, JsonMapper json, Clock clock) {
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a transaction once.
	 * @param reference unique for what is paid; a second posting with it records nothing
	 * @param type what kind of movement ({@code mining}, {@code transfer}, ...)
	 * @param legs the accounts and signed amounts; they must sum to zero
	 * @param memo extra facts shown with the transaction (counterparty, note); may be
	 * empty
	 * @return the posting, or empty when the reference was already used
	 * @throws InsufficientBalanceException when a user leg would go below zero (nothing
	 * is recorded; the caller's transaction must roll back)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Posting> post(String reference, String type, List<Leg> legs, Map<String, Object> memo) {
		if (legs.size() < 2 || legs.stream().mapToLong(Leg::amount).sum() != 0) {
			throw new IllegalArgumentException("A posting needs two or more legs that sum to zero");
		}
		Instant now = this.clock.instant();
		String memoJson = (memo == null || memo.isEmpty()) ? null : this.json.writeValueAsString(memo);
		Optional<Long> transactionId = this.entries.insertTransaction(reference, type, memoJson, now);
		if (transactionId.isEmpty()) {
			return Optional.empty();
		}
		Map<UUID, Long> balances = new LinkedHashMap<>();
		for (Leg leg : legs.stream().sorted(Comparator.comparing(Leg::sortKey)).toList()) {
			if (leg.userId() != null) {
				LedgerEntries.AccountBalance account = this.entries.addToUser(leg.userId(), leg.amount())
					.orElseThrow(InsufficientBalanceException::new);
				balances.put(leg.userId(), account.balance());
				this.entries.insertEntry(transactionId.get(), account.id(), leg.amount(), account.balance(), now);
			}
			else {
				this.entries.insertEntry(transactionId.get(), this.entries.systemAccountId(leg.system()), leg.amount(),
						null, now);
			}
		}
		return Optional.of(new Posting(transactionId.get(), reference, now, Map.copyOf(balances)));
	}

	/**
	 * Pays a user from a system account, once per reference.
	 * @return the posting, or empty when the reference was already paid
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Posting> credit(UUID userId, SystemAccount from, long amount, String type, String reference) {
		requirePositive(amount);
		return post(reference, type, List.of(Leg.system(from, -amount), Leg.user(userId, amount)), Map.of());
	}

	/**
	 * Takes coins from a user into a system account, once per reference.
	 * @return the posting, or empty when the reference was already used
	 * @throws InsufficientBalanceException when the balance is too low
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Posting> debit(UUID userId, SystemAccount to, long amount, String type, String reference) {
		requirePositive(amount);
		return post(reference, type, List.of(Leg.user(userId, -amount), Leg.system(to, amount)), Map.of());
	}

	/**
	 * The current balance of a user, in millicoins.
	 */
	@Transactional(readOnly = true)
	public long balanceOf(UUID userId) {
		return this.entries.balanceOf(userId);
	}

	/**
	 * A user's entries, newest first, before an entry id.
	 * @param beforeEntryId only entries with a smaller id ({@code Long.MAX_VALUE} for the
	 * newest)
	 * @param limit how many at most
	 */
	@Transactional(readOnly = true)
	public List<UserEntry> entriesOf(UUID userId, long beforeEntryId, int limit) {
		return this.entries.entriesOf(userId, beforeEntryId, limit);
	}

	/**
	 * The user's entry in the transaction with a reference, if there is one.
	 */
	@Transactional(readOnly = true)
	public Optional<UserEntry> entryOf(UUID userId, String reference) {
		return this.entries.entryOf(userId, reference);
	}

	/**
	 * Millicoins a user has sent in transfers since an instant.
	 */
	@Transactional(readOnly = true)
	public long transferredOutSince(UUID userId, Instant since) {
		return this.entries.transferredOutSince(userId, since);
	}

	/**
	 * Whether a reference has been posted.
	 */
	@Transactional(readOnly = true)
	public boolean isPosted(String reference) {
		return this.entries.referenceExists(reference);
	}

	/**
	 * Checks the invariants: each user balance equals the sum of its entries, each
	 * transaction sums to zero, no balance is below zero.
	 */
	@Transactional(readOnly = true)
	public LedgerCheck check() {
		return this.entries.check();
	}

	private static void requirePositive(long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("Amount must be positive, was " + amount);
		}
	}

}
