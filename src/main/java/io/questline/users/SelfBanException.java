package io.questline.users;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * An admin tried to ban themselves (422).
 */
class SelfBanException extends ApiException {

	SelfBanException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "CANNOT_BAN_SELF", "An admin cannot ban or unban themselves.");
	}

}
