package io.questline.squads;

import org.springframework.http.HttpStatus;

import io.questline.shared.web.ApiException;

/**
 * You are already in a squad; leave it first.
 */
class AlreadyInSquadException extends ApiException {

	AlreadyInSquadException() {
		super(HttpStatus.CONFLICT, "ALREADY_IN_SQUAD", "You are already in a squad; leave it first.");
	}

}
