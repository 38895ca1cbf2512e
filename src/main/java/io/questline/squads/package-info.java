/**
 * Squads: membership within a capacity, and the squad bonus on mining.
 */
package io.questline.squads;
