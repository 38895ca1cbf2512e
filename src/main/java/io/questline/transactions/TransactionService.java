package io.questline.transactions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.questline.ledger.InsufficientBalanceException;
import io.questline.ledger.Ledger;
import io.questline.ledger.Leg;
import io.questline.ledger.Posting;
import io.questline.ledger.SystemAccount;
import io.questline.ledger.UserEntry;
import io.questline.shared.web.NotFoundException;
import io.questline.users.UserDirectory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own side of the ledger: the list of their entries, transfers to other users
 * and purchases from the coin catalog.
 *
 * <p>
 * The reference of a transfer or purchase is derived from the caller and the
 * Idempotency-Key ({@code transfer:<userId>:<hash of key>}), so a replay can never pay
 * twice, even after the stored HTTP response expired: it finds the transaction already
 * recorded and answers with it.
 */
@Service
class TransactionService {

	private final Ledger ledger;

	private final CoinCatalog catalog;

	private final Map<String, CoinPurchaseGrant> grants = new LinkedHashMap<>();

	private final UserDirectory users;

	private final TransferProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	TransactionService(Ledger ledger, CoinCatalog catalog, List<CoinPurchaseGrant> grants, UserDirectory users,
			TransferProperties properties, JsonMapper json, Clock clock) {
		this.ledger = ledger;
		this.catalog = catalog;
		grants.forEach((grant) -> this.grants.put(grant.itemCode(), grant));
		this.users = users;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * A page of the user's entries and the balance they sum to, read from one snapshot.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Statement statement(UUID userId, long beforeEntryId, int limit) {
		return new Statement(this.ledger.entriesOf(userId, beforeEntryId, limit + 1), this.ledger.balanceOf(userId));
	}

	/**
	 * Sends coins to another user.
	 * @throws SelfTransferException to oneself
	 * @throws NotFoundException when the recipient does not exist
	 * @throws InsufficientBalanceException when the balance is too low
	 * @throws DailyLimitExceededException past the sender's daily limit
	 */
	@Transactional
	UserEntry transfer(UUID from, UUID to, long amount, String note, String idempotencyKey) {
		if (from.equals(to)) {
			throw new SelfTransferException();
		}
		if (!this.users.exists(to)) {
			throw new NotFoundException("The recipient");
		}
		String reference = "transfer:" + from + ":" + digest(idempotencyKey);
		Map<String, Object> memo = new LinkedHashMap<>();
		memo.put("fromUserId", from.toString());
		memo.put("toUserId", to.toString());
		if (note != null) {
			memo.put("note", note);
		}
		if (this.ledger.post(reference, "transfer", List.of(Leg.user(from, -amount), Leg.user(to, amount)), memo)
			.isEmpty()) {
			return replay(from, reference, "transfer", -amount, memo);
		}
		// The posting holds the sender's account row until commit, so concurrent
		// transfers
		// of one sender pass this check one at a time, each seeing the others' entries.
		ZoneId zone = this.users.zoneOf(from);
		Instant startOfDay = this.clock.instant().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
		long sentToday = this.ledger.transferredOutSince(from, startOfDay);
		if (sentToday > this.properties.dailyLimit()) {
			throw new DailyLimitExceededException(this.properties.dailyLimit(), sentToday - amount);
		}
		return this.ledger.entryOf(from, reference).orElseThrow();
	}

	/**
	 * Buys an item of the coin catalog at the server's price and delivers it.
	 * @throws NotFoundException when the item is not sold for coins
	 * @throws InsufficientBalanceException when the balance is too low
	 */
	@Transactional
	UserEntry purchase(UUID userId, String itemCode, String idempotencyKey) {
		CoinCatalog.Item item = this.catalog.findActive(itemCode)
			.filter((found) -> this.grants.containsKey(found.code()))
			.orElseThrow(() -> new NotFoundException("The catalog item"));
		String reference = "purchase:" + userId + ":" + digest(idempotencyKey);
		Map<String, Object> memo = Map.of("itemCode", item.code());
		if (this.ledger.isPosted(reference)) {
			return replay(userId, reference, "purchase", null, memo);
		}
		// The item first, then the payment: the feature's row is locked before the user's
		// account, the order in which a session start reaches them (streak, then a
		// milestone's credit), so the two never wait on each other in a cycle.
		this.grants.get(item.code()).grant(userId);
		Optional<Posting> posting = this.ledger.post(reference, "purchase",
				List.of(Leg.user(userId, -item.price()), Leg.system(SystemAccount.PURCHASES, item.price())), memo);
		if (posting.isEmpty()) {
			// A twin request with the same key paid first; undo this grant.
			throw new PurchaseInProgressException();
		}
		return this.ledger.entryOf(userId, reference).orElseThrow();
	}

	private UserEntry replay(UUID userId, String reference, String type, Long amount, Map<String, Object> memo) {
		UserEntry existing = this.ledger.entryOf(userId, reference).orElseThrow(IdempotencyKeyReusedException::new);
		boolean same = existing.type().equals(type) && (amount == null || existing.amount() == amount)
				&& existing.memo() != null && Objects.equals(this.json.readValue(existing.memo(), Map.class), memo);
		if (!same) {
			throw new IdempotencyKeyReusedException();
		}
		return existing;
	}

	private static String digest(String idempotencyKey) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Entries (one more than the page, to tell whether there is a next) and the balance.
	 *
	 * @param entries the entries, newest first
	 * @param balance the user's balance
	 */
	record Statement(List<UserEntry> entries, long balance) {

	}

}
