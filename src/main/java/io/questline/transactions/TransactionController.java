package io.questline.transactions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.questline.ledger.UserEntry;
import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.web.Cursor;
import io.questline.shared.web.InvalidRequestException;
import io.questline.shared.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's transactions: their own ledger entries, and transfers and coin purchases.
 */
@RestController
@RequestMapping("/api/transactions")
class TransactionController {

	private final TransactionService transactions;

	private final TransferProperties transfers;

	private final JsonMapper json;

	TransactionController(TransactionService transactions, TransferProperties transfers, JsonMapper json) {
		this.transactions = transactions;
		this.transfers = transfers;
		this.json = json;
	}

	@GetMapping("/list")
	TransactionPage list(@AuthenticationPrincipal AuthenticatedUser user, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		int size = Cursor.limit(limit);
		Cursor after = Cursor.decode(cursor);
		long before = (after != null) ? after.longId() : Long.MAX_VALUE;
		TransactionService.Statement statement = this.transactions.statement(user.id(), before, size);
		Page<UserEntry> page = Page.of(statement.entries(), size,
				(entry) -> Cursor.after(entry.createdAt(), entry.entryId()));
		return new TransactionPage(page.items().stream().map(this::item).toList(), page.nextCursor(),
				statement.balance());
	}

	@PostMapping("/create")
	@ResponseStatus(HttpStatus.CREATED)
	TransactionItem create(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestHeader("Idempotency-Key") String idempotencyKey,
			@Valid @RequestBody CreateTransactionRequest request) {
		if ("transfer".equals(request.type())) {
			require(request.toUserId() != null, "toUserId", "is required for a transfer");
			require(request.amount() != null, "amount", "is required for a transfer");
			require(request.amount() > 0 && request.amount() <= this.transfers.maxAmount(), "amount",
					"must be between 1 and " + this.transfers.maxAmount() + " millicoins");
			require(request.itemCode() == null, "itemCode", "is only for a purchase");
			return item(this.transactions.transfer(user.id(), request.toUserId(), request.amount(), request.note(),
					idempotencyKey));
		}
		require(request.itemCode() != null, "itemCode", "is required for a purchase");
		require(request.amount() == null, "amount", "is set by the server for a purchase");
		require(request.toUserId() == null, "toUserId", "is only for a transfer");
		require(request.note() == null, "note", "is only for a transfer");
		return item(this.transactions.purchase(user.id(), request.itemCode(), idempotencyKey));
	}

	private static void require(boolean condition, String field, String message) {
		if (!condition) {
			throw new InvalidRequestException(field, message);
		}
	}

	private TransactionItem item(UserEntry entry) {
		JsonNode memo = (entry.memo() != null) ? this.json.readTree(entry.memo()) : null;
		return new TransactionItem(entry.transactionId(), entry.type(), entry.amount(), entry.balanceAfter(),
				entry.reference(), entry.createdAt(), memo);
	}

	/**
	 * A transfer to another user, or a purchase from the coin catalog.
	 *
	 * @param type {@code transfer} or {@code purchase}
	 * @param toUserId the recipient of a transfer
	 * @param itemCode the catalog item of a purchase
	 * @param amount millicoins to send (transfers only; a purchase's price is the
	 * server's)
	 * @param note a note shown to both sides of a transfer
	 */
	record CreateTransactionRequest(@NotNull @Pattern(regexp = "transfer|purchase") String type, UUID toUserId,
			@Size(min = 1, max = 64) String itemCode, Long amount, @Size(max = 200) String note) {

	}

	/**
	 * One ledger transaction from the caller's side.
	 *
	 * @param id the transaction id
	 * @param type {@code mining}, {@code transfer}, {@code purchase}, {@code milestone},
	 * ...
	 * @param amount millicoins, credit &gt; 0, debit &lt; 0
	 * @param balanceAfter the caller's balance after it
	 * @param reference its unique reference
	 * @param createdAt when it was recorded
	 * @param memo extra facts (counterparty, note, item), or {@code null}
	 */
	record TransactionItem(long id, String type, long amount, long balanceAfter, String reference, Instant createdAt,
			JsonNode memo) {

	}

	/**
	 * A page of transactions plus the caller's balance.
	 *
	 * @param items the transactions, newest first
	 * @param nextCursor the cursor of the next page, or {@code null}
	 * @param balance the caller's balance, which the amounts of all pages sum to
	 */
	record TransactionPage(List<TransactionItem> items, String nextCursor, long balance) {

	}

}
