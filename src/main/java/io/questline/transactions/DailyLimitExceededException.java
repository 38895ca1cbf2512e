package io.questline.transactions;

import java.util.Map;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A transfer would take the sender past the daily transfer limit.
 */
class DailyLimitExceededException extends ApiException {

	DailyLimitExceededException(long limit, long alreadySent) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "DAILY_LIMIT_EXCEEDED",
				"This transfer would exceed your daily transfer limit.",
				Map.of("limit", limit, "remaining", Math.max(0, limit - alreadySent)));
	}

}
