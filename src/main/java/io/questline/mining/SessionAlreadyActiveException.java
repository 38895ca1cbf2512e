package io.questline.mining;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The user already has a mining session running.
 */
class SessionAlreadyActiveException extends ApiException {

	SessionAlreadyActiveException() {
		super(HttpStatus.CONFLICT, "SESSION_ALREADY_ACTIVE", "A mining session is already running.");
	}

}
