package io.questline.ledger;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A debit larger than the balance. Nothing was recorded.
 */
public class InsufficientBalanceException extends ApiException {

	public InsufficientBalanceException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "INSUFFICIENT_BALANCE", "The balance is too low for this.");
	}

}
