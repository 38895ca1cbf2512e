package io.questline.competitions;

import org.springframework.http.HttpStatus;

import io.questline.shared.web.ApiException;

/**
 * The user already takes part in this event.
 */
class AlreadyJoinedException extends ApiException {

	AlreadyJoinedException() {
		super(HttpStatus.CONFLICT, "ALREADY_JOINED", "You already take part in this event.");
	}

}
