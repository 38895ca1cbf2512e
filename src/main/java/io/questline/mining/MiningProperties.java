package io.questline.mining;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mining settings ({@code questline.mining}).
 *
 * @param baseRatePerHour millicoins a session earns per hour before bonuses
 * @param sessionLength how long a session earns
 * @param settleBatchSize how many overdue sessions the settling job takes per transaction
 */
@ConfigurationProperties("questline.mining")
record MiningProperties(@DefaultValue("1000") long baseRatePerHour, @DefaultValue("24h") Duration sessionLength,
		@DefaultValue("100") int settleBatchSize) {

	MiningProperties {
		if (baseRatePerHour < 0 || sessionLength.isNegative() || sessionLength.isZero() || settleBatchSize < 1) {
			throw new IllegalArgumentException("questline.mining: rate >= 0, length > 0 and batch size >= 1");
		}
	}

}
