package io.questline.analytics;

import java.util.Map;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * An export range longer than allowed.
 */
class ExportRangeTooLargeException extends ApiException {

	ExportRangeTooLargeException(int maxDays) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "EXPORT_RANGE_TOO_LARGE",
				"An export covers at most " + maxDays + " days; split the range.", Map.of("maxDays", maxDays));
	}

}
