package io.questline.transactions;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A user tried to send coins to themselves.
 */
class SelfTransferException extends ApiException {

	SelfTransferException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "SELF_TRANSFER", "You cannot send coins to yourself.");
	}

}
