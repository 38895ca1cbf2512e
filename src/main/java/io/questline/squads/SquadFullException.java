package io.questline.squads;

import org.springframework.http.HttpStatus;

import io.questline.shared.web.ApiException;

/**
 * This squad has no free place.
 */
class SquadFullException extends ApiException {

	SquadFullException() {
		super(HttpStatus.CONFLICT, "SQUAD_FULL", "This squad has no free place.");
	}

}
