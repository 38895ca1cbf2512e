package io.questline.recommendations;

import java.math.BigDecimal;

/**
 * Millicoins written for people ({@code 24}, {@code 1.25}); public so that the features'
 * strategy sources write their reasons the same way.
 */
public final class Coins {

	private Coins() {
	}

	public static String format(long millicoins) {
		return BigDecimal.valueOf(millicoins, 3).stripTrailingZeros().toPlainString();
	}

}
