package io.questline.shared.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad {@code DATABASE_URL} into one clear line at start-up instead of a wall of
 * stack trace.
 */
class InvalidDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatabaseUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDatabaseUrlException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set DATABASE_URL as Neon prints it, e.g. postgresql://user:password@host/dbname?sslmode=require,"
						+ " or unset it to use the embedded PostgreSQL.",
				cause);
	}

}
