package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Stripe answered with an error we cannot fix by retrying.
 */
class StripeErrorException extends ApiException {

	StripeErrorException() {
		super(HttpStatus.BAD_GATEWAY, "STRIPE_ERROR", "The payment provider refused the request.");
	}

}
