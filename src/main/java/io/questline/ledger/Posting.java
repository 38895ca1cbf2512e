package io.questline.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A transaction the ledger has recorded.
 *
 * @param transactionId its id
 * @param reference its unique reference
 * @param createdAt when it was recorded
 * @param balancesAfter the balance of each user account it touched, after it
 */
public record Posting(long transactionId, String reference, Instant createdAt, Map<UUID, Long> balancesAfter) {

	/**
	 * The balance of a user after this posting.
	 * @param userId a user the posting touched
	 * @return the balance in millicoins
	 */
	public long balanceAfter(UUID userId) {
		Long balance = this.balancesAfter.get(userId);
		if (balance == null) {
			throw new IllegalArgumentException("The posting did not touch user " + userId);
		}
		return balance;
	}

}
