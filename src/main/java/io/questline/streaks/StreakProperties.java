package io.questline.streaks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Streak settings ({@code questline.streaks}).
 *
 * @param bonusPercentPerDay mining bonus per streak day, in percent
 * @param maxBonusPercent the most the streak adds to a mining rate, in percent
 */
@ConfigurationProperties("questline.streaks")
record StreakProperties(@DefaultValue("1") int bonusPercentPerDay, @DefaultValue("30") int maxBonusPercent) {

}
