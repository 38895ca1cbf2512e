package io.questline.shared.database;

/**
 * {@code DATABASE_URL} cannot be understood. The message never contains the URL itself,
 * which may hold a password.
 */
public class InvalidDatabaseUrlException extends RuntimeException {

	public InvalidDatabaseUrlException(String reason) {
		super("DATABASE_URL is not a usable PostgreSQL URL: " + reason);
	}

}
