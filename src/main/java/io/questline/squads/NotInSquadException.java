package io.questline.squads;

import org.springframework.http.HttpStatus;

import io.questline.shared.web.ApiException;

/**
 * You are not in a squad.
 */
class NotInSquadException extends ApiException {

	NotInSquadException() {
		super(HttpStatus.CONFLICT, "NOT_IN_SQUAD", "You are not in a squad.");
	}

}
