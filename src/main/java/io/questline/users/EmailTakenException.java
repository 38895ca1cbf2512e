package io.questline.users;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * An account with this email exists already (409).
 */
class EmailTakenException extends ApiException {

	EmailTakenException() {
		super(HttpStatus.CONFLICT, "EMAIL_TAKEN", "An account with this email exists already.");
	}

}
