package io.questline.competitions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Competition rules and limits.
 *
 * @param maxDuration the longest event window (the ranking key holds ~97 days)
 * @param maxPrizeRank the lowest rank a prize may be set for
 * @param maxPrizeReward the largest prize of one rank, in millicoins
 * @param leaderboardAround how many visible entries {@code around} shows on each side
 * @param hiddenScanFactor how far past {@code limit} rows a board read looks for visible
 * entries when users hide themselves
 * @param demoEvent the event made at start-up when none is live
 */
@ConfigurationProperties("questline.competitions")
record CompetitionProperties(@DefaultValue("90d") Duration maxDuration, @DefaultValue("100") int maxPrizeRank,
		@DefaultValue("10000000") long maxPrizeReward, @DefaultValue("2") int leaderboardAround,
		@DefaultValue("10") int hiddenScanFactor, @DefaultValue DemoEvent demoEvent) {

	/**
	 * The demo event.
	 *
	 * @param enabled whether to make one at start-up when no event is live
	 * @param duration its window, from start-up
	 */
	record DemoEvent(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration duration) {

	}

}
