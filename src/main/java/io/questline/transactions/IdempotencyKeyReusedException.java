package io.questline.transactions;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * An Idempotency-Key already paid for a different transaction (seen after the stored
 * response expired).
 */
class IdempotencyKeyReusedException extends ApiException {

	IdempotencyKeyReusedException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
				"This Idempotency-Key was used for a different transaction.");
	}

}
