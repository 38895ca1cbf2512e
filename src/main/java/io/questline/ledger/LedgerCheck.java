package io.questline.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome of the ledger invariant check.
 *
 * @param accountsChecked user accounts looked at
 * @param transactionsChecked transactions looked at
 * @param balanceMismatches user accounts whose stored balance differs from the sum of
 * their entries
 * @param unbalancedTransactions transactions whose entries do not sum to zero
 * @param negativeBalances user accounts, or entries' balances after, below zero
 */
public record LedgerCheck(long accountsChecked, long transactionsChecked, long balanceMismatches,
		long unbalancedTransactions, long negativeBalances) {

	@JsonProperty("holds")
	public boolean holds() {
		return this.balanceMismatches == 0 && this.unbalancedTransactions == 0 && this.negativeBalances == 0;
	}

}
