package io.questline.ledger;

/**
 * The accounts coins come from and go to, besides users'. Their balances are not stored:
 * each is the sum of its entries.
 */
public enum SystemAccount {

	/** Coins mined in sessions. */
	MINING,
	/** Milestones, achievements, tasks, modules and paths. */
	REWARDS,
	/** Referral bonuses. */
	REFERRALS,
	/** Prizes of competitions. */
	PRIZES,
	/** Coins spent on catalog items. */
	PURCHASES,
	/** Coins bought with money, and taken back on refunds. */
	PAYMENTS,
	/** Operator corrections. */
	CORRECTIONS;

	String code() {
		return name().toLowerCase();
	}

}
