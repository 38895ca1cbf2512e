/**
 * Daily streaks, streak freezes and milestones.
 */
package io.questline.streaks;
