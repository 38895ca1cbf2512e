package io.questline.competitions;

import org.springframework.http.HttpStatus;

import io.questline.shared.web.ApiException;

/**
 * The event has not started yet, or has ended.
 */
class EventNotLiveException extends ApiException {

	EventNotLiveException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "EVENT_NOT_LIVE", "This event is not running now.");
	}

}
