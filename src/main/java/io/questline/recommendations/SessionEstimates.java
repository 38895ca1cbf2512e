package io.questline.recommendations;

import org.springframework.stereotype.Component;

/**
 * The mining numbers of the Rules ({@code questline.recommendations.rules}) for the
 * features' strategy sources, so that every expected gain is computed from the same
 * configuration as the built-in ones.
 */
@Component
public class SessionEstimates {

	private final RecommendationProperties.Rules rules;

	SessionEstimates(RecommendationProperties properties) {
		this.rules = properties.rules();
	}

	/** Millicoins an hour of mining at the base rate. */
	public long baseRatePerHour() {
		return this.rules.baseRatePerHour();
	}

	/** Hours a mining session lasts. */
	public long sessionHours() {
		return this.rules.sessionLength().toHours();
	}

	/**
	 * Millicoins a mining bonus adds to one full session at the base rate.
	 * @param percent the bonus in percent
	 */
	public long bonusOnSession(int percent) {
		return this.rules.sessionEarnings(this.rules.baseRatePerHour()) * Math.max(0, percent) / 100;
	}

}
