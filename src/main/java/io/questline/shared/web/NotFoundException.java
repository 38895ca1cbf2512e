package io.questline.shared.web;

import org.springframework.http.HttpStatus;

/**
 * The thing asked for does not exist, or is not the caller's to see.
 */
public class NotFoundException extends ApiException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " was not found.");
	}

}
