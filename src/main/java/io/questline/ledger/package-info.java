/**
 * The double-entry ledger: accounts, append-only transactions, balances, transfers and
 * coin purchases.
 */
package io.questline.ledger;
