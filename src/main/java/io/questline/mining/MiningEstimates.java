package io.questline.mining;

import org.springframework.stereotype.Component;

/**
 * What mining pays, from mining's own settings, for the features that estimate the gain
 * of a suggestion (a squad bonus, a protected streak).
 */
@Component
public class MiningEstimates {

	private final MiningProperties properties;

	MiningEstimates(MiningProperties properties) {
		this.properties = properties;
	}

	/** Millicoins an hour of mining at the base rate. */
	public long baseRatePerHour() {
		return this.properties.baseRatePerHour();
	}

	/** Hours a mining session lasts. */
	public long sessionHours() {
		return this.properties.sessionLength().toHours();
	}

	/** Millicoins a full session earns at a rate. */
	public long sessionEarnings(long ratePerHour) {
		return ratePerHour * this.properties.sessionLength().toMillis() / 3_600_000L;
	}

	/**
	 * Millicoins a mining bonus adds to one full session at the base rate.
	 * @param percent the bonus in percent
	 */
	public long bonusOnSession(int percent) {
		return sessionEarnings(baseRatePerHour()) * Math.max(0, percent) / 100;
	}

}
