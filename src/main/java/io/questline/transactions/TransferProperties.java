package io.questline.transactions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on transfers between users ({@code questline.ledger.transfers}), in millicoins.
 *
 * @param maxAmount the most one transfer may move
 * @param dailyLimit the most a user may send in one day of their timezone
 */
@ConfigurationProperties("questline.ledger.transfers")
record TransferProperties(@DefaultValue("1000000") long maxAmount, @DefaultValue("1000000") long dailyLimit) {

}
