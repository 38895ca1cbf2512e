package io.questline.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An error answer particular to an endpoint, for the OpenAPI document (with its stable
 * code). The answers every endpoint can give (400, 401, 403, 429) are added to all of
 * them by {@link ProblemResponseDocs}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

	int status();

	String code();

	String description();

	/**
	 * Several error answers.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface List {

		ProblemResponse[] value();

	}

}
