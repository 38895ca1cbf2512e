package io.questline.checkout;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A refund above what was paid minus what was already refunded.
 */
class RefundTooLargeException extends ApiException {

	RefundTooLargeException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "REFUND_EXCEEDS_REMAINING",
				"The refund is larger than what remains refundable.");
	}

}
