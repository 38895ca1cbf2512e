package io.questline.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Task settings.
 *
 * @param maxReward the largest reward an admin may set, in millicoins (100 coins)
 * @param listLimit the most tasks {@code GET /api/tasks/list} returns
 */
@ConfigurationProperties("questline.tasks")
record TaskProperties(@DefaultValue("100000") long maxReward, @DefaultValue("100") int listLimit) {

}
