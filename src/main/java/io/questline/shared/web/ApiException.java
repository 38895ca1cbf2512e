package io.questline.shared.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client can cause and understand. Features extend it with exceptions named
 * for the problem ({@code SessionAlreadyActiveException}); {@link ProblemHandler} turns
 * each into a problem response with the stable {@link #code()}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties;

	public ApiException(HttpStatus status, String code, String detail) {
		this(status, code, detail, Map.of());
	}

	public ApiException(HttpStatus status, String code, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.code = code;
		this.properties = Map.copyOf(properties);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

}
