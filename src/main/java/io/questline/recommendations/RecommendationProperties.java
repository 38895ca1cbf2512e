package io.questline.recommendations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code questline.recommendations}.
 *
 * @param maxItems the most recommendations shown at once
 * @param holdoutPercent the share of users (by a stable hash of their id) who get the
 * unlearned order, so the learning's effect can be measured
 * @param holdoutSalt mixed into that hash; changing it draws a new holdout
 * @param newUserAge accounts younger than this learn in the {@code new} segment, older
 * ones in {@code established}
 * @param priorHelpful the Beta prior's helpful pseudo-votes of every strategy
 * @param priorUnhelpful the Beta prior's unhelpful pseudo-votes
 * @param rules the numbers of the Rules that expected gains are computed from
 */
@ConfigurationProperties("questline.recommendations")
public record RecommendationProperties(@DefaultValue("5") int maxItems, @DefaultValue("10") int holdoutPercent,
		@DefaultValue("questline-recommendations") String holdoutSalt, @DefaultValue("14d") Duration newUserAge,
		@DefaultValue("1") double priorHelpful, @DefaultValue("1") double priorUnhelpful, @DefaultValue Rules rules) {

	public RecommendationProperties {
		if (maxItems < 1 || holdoutPercent < 0 || holdoutPercent > 100 || priorHelpful <= 0 || priorUnhelpful <= 0) {
			throw new IllegalArgumentException("questline.recommendations: invalid settings");
		}
	}

	/**
	 * The numbers of a suggestion that belong to no feature's own settings (the rest,
	 * such as mining rates, streak bonuses and referral rewards, are read from their
	 * features).
	 *
	 * @param freezeMinStreakDays suggest a freeze from a streak this long
	 * @param freezePrice what a freeze costs in coins (millicoins), for the reason's text
	 */
	public record Rules(@DefaultValue("3") int freezeMinStreakDays, @DefaultValue("50000") long freezePrice) {

	}

}
