package io.questline.competitions;

/**
 * What one rank of an event wins.
 *
 * @param rank the final rank, 1 for the winner
 * @param reward millicoins paid to whoever ends at that rank
 */
record Prize(int rank, long reward) {

}
