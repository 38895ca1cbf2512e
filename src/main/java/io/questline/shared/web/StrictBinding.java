package io.questline.shared.web;

import org.springframework.beans.propertyeditors.CustomBooleanEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Query and header parameters are read as strictly as JSON: a boolean is {@code true} or
 * {@code false}, not Spring's lenient {@code yes}, {@code on} or {@code 1}.
 */
@ControllerAdvice
class StrictBinding {

	@InitBinder
	void strictBooleans(WebDataBinder binder) {
		binder.registerCustomEditor(boolean.class, new CustomBooleanEditor("true", "false", false));
		binder.registerCustomEditor(Boolean.class, new CustomBooleanEditor("true", "false", true));
	}

}
