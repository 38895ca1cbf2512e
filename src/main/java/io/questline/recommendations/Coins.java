package io.questline.recommendations;

import java.math.BigDecimal;

/**
 * Millicoins written for people ({@code 24}, {@code 1.25}).
 */
final class Coins {

	private Coins() {
	}

	static String format(long millicoins) {
		return BigDecimal.valueOf(millicoins, 3).stripTrailingZeros().toPlainString();
	}

}
