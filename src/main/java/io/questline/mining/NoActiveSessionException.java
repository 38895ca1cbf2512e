package io.questline.mining;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The user has no mining session to end.
 */
class NoActiveSessionException extends ApiException {

	NoActiveSessionException() {
		super(HttpStatus.CONFLICT, "NO_ACTIVE_SESSION", "There is no mining session running.");
	}

}
