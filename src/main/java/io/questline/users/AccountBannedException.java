package io.questline.users;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The account is banned, at login or refresh (403).
 */
class AccountBannedException extends ApiException {

	AccountBannedException() {
		super(HttpStatus.FORBIDDEN, "ACCOUNT_BANNED", "This account is banned.");
	}

}
