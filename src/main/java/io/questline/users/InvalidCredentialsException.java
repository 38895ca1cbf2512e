package io.questline.users;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Wrong email or password, without saying which (401).
 */
class InvalidCredentialsException extends ApiException {

	InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS", "The email or password is wrong.");
	}

}
