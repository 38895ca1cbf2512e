package io.questline.shared.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever reaches the servlet container's error page (an exception thrown in a filter, a
 * status set by the container) still leaves as a problem response, without any detail of
 * the failure itself.
 */
@RestController
@Hidden
class ErrorPageController implements ErrorController {

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE,
			MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		HttpStatus known = HttpStatus.resolve(status);
		String detail = (status >= 500)
				? "Something went wrong on our side. It has been logged; please try again later."
				: ((known != null) ? known.getReasonPhrase() : "The request could not be processed.");
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemWriter.asMap(Problems.of(HttpStatus.valueOf(status), Problems.codeFor(status), detail)));
	}

}
