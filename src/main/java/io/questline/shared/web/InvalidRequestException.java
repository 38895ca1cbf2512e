package io.questline.shared.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that breaks a rule better written in Java than in a Bean Validation
 * annotation.
 */
public class InvalidRequestException extends ApiException {

	public InvalidRequestException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request is not valid.",
				Map.of("errors", List.of(new FieldError(field, message))));
	}

	/**
	 * One invalid field.
	 *
	 * @param field the JSON path of the field
	 * @param message what is wrong with it
	 */
	public record FieldError(String field, String message) {
	}

}
