package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * The PaymentIntent at Stripe differs from our payment (amount, currency or metadata):
 * nothing is granted.
 */
class PaymentMismatchException extends ApiException {

	PaymentMismatchException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "PAYMENT_MISMATCH",
				"The payment at Stripe does not match this checkout.");
	}

}
