package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The Stripe keys are not set: payments are off, the rest of the server works.
 */
class PaymentsNotConfiguredException extends ApiException {

	PaymentsNotConfiguredException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "PAYMENTS_NOT_CONFIGURED", "Payments are not available on this server.");
	}

}
