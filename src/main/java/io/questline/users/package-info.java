/**
 * Accounts: register, login, tokens, profile, settings, and the admin user list and bans.
 */
package io.questline.users;
