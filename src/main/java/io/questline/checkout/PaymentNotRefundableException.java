package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * Only a succeeded or partly refunded payment can be refunded.
 */
class PaymentNotRefundableException extends ApiException {

	PaymentNotRefundableException() {
		super(HttpStatus.CONFLICT, "PAYMENT_NOT_REFUNDABLE", "This payment cannot be refunded in its current state.");
	}

}
