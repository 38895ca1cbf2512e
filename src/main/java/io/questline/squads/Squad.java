package io.questline.squads;

import java.time.Instant;

/**
 * A squad as listed.
 *
 * @param id the squad id
 * @param name its unique name
 * @param description what it is about, may be {@code null}
 * @param memberCount how many members it has
 * @param capacity how many it may have
 * @param bonusPercent the mining bonus its members get once it has enough members
 * @param createdAt when it was made (the list order)
 */
record Squad(long id, String name, String description, int memberCount, int capacity, int bonusPercent,
		Instant createdAt) {

}
