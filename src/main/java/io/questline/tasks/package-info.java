/**
 * Tasks and their completions, and admin task creation.
 */
package io.questline.tasks;
