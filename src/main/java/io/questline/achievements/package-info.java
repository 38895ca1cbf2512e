/**
 * Achievements: a catalog of metric thresholds loaded from content, per-user progress
 * kept from events, and claims that pay once.
 */
package io.questline.achievements;
