package io.questline.shared.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string held a control character, which no text field of this API accepts.
 */
class ControlCharacterException extends MismatchedInputException {

	ControlCharacterException(JsonParser parser) {
		super(parser, "must not contain control characters");
	}

}
