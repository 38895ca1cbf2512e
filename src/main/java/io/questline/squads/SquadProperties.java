package io.questline.squads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Squad rules.
 *
 * @param bonusMinMembers how many members a squad needs before its bonus counts
 */
@ConfigurationProperties("questline.squads")
record SquadProperties(@DefaultValue("3") int bonusMinMembers) {

}
