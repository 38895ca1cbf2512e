package io.questline.ledger;

import java.time.Instant;

/**
 * One entry of a user's account, seen from the user's side.
 *
 * @param entryId the entry
 * @param transactionId the transaction it belongs to
 * @param type the transaction type ({@code mining}, {@code transfer}, ...)
 * @param amount signed from the user's side: a credit is positive, a debit negative
 * @param balanceAfter the user's balance right after it
 * @param reference the transaction's unique reference
 * @param createdAt when it was recorded
 * @param memo the transaction's memo as JSON text, or {@code null}
 */
public record UserEntry(long entryId, long transactionId, String type, long amount, long balanceAfter, String reference,
		Instant createdAt, String memo) {

}
