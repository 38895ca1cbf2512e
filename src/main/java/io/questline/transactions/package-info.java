/**
 * The caller's side of the ledger: their transaction list, transfers to other users and
 * coin purchases.
 */
package io.questline.transactions;
