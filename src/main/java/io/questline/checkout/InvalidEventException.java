package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A correctly signed webhook whose body is not a Stripe event we can read.
 */
class InvalidEventException extends ApiException {

	InvalidEventException() {
		super(HttpStatus.BAD_REQUEST, "INVALID_EVENT", "The event could not be read.");
	}

}
