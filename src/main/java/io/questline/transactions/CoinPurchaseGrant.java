package io.questline.transactions;

import java.util.UUID;

/**
 * The seam through which a feature delivers an item bought with coins
 * ({@code transactions/create}, type {@code purchase}): the ledger takes the price, then
 * asks the grant for the item's code, in the same transaction. A grant refuses by
 * throwing an {@code ApiException}, which rolls the payment back. An item of the coin
 * catalog without a grant bean cannot be bought.
 */
public interface CoinPurchaseGrant {

	/**
	 * The {@code coin_catalog} code this grant delivers.
	 */
	String itemCode();

	/**
	 * Gives the item to a user who has just paid for it, inside the purchase transaction.
	 */
	void grant(UUID userId);

}
