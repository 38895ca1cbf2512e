/**
 * Questline: the server for a gamified earning app.
 */
package io.questline;
