package io.questline.transactions;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Another request with the same Idempotency-Key bought the item a moment ago.
 */
class PurchaseInProgressException extends ApiException {

	PurchaseInProgressException() {
		super(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
				"A purchase with this Idempotency-Key was just made. Retry to see it.");
	}

}
