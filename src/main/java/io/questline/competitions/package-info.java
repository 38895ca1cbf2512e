/**
 * Competitions: live events, participation, leaderboards that stay fast at a million
 * players, and prizes paid once when an event ends.
 */
package io.questline.competitions;
