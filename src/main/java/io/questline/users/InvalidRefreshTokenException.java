package io.questline.users;

import io.questline.shared.web.ApiException;

import org.springframework.http.HttpStatus;

/**
 * A refresh token that is unknown, expired, revoked or already used (401).
 */
class InvalidRefreshTokenException extends ApiException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "The refresh token is not valid; log in again.");
	}

}
