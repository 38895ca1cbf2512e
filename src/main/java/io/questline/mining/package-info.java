/**
 * Mining sessions, their rates and bonuses.
 */
package io.questline.mining;
