package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A webhook whose signature is missing, forged or older than the tolerance.
 */
class InvalidSignatureException extends ApiException {

	InvalidSignatureException() {
		super(HttpStatus.BAD_REQUEST, "INVALID_SIGNATURE", "The Stripe-Signature header is missing, wrong or too old.");
	}

}
