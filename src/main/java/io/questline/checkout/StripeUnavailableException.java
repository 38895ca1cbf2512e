package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Stripe could not be reached, timed out or asked us to slow down.
 */
class StripeUnavailableException extends ApiException {

	StripeUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "STRIPE_UNAVAILABLE",
				"The payment provider is unavailable; try again later.");
	}

}
