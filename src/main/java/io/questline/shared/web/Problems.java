package io.questline.shared.web;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with a stable {@code code}, the same way wherever they are made
 * (controllers, filters, the error page).
 */
public final class Problems {

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "BAD_REQUEST"),
			Map.entry(401, "UNAUTHORIZED"), Map.entry(403, "FORBIDDEN"), Map.entry(404, "NOT_FOUND"),
			Map.entry(405, "METHOD_NOT_ALLOWED"), Map.entry(406, "NOT_ACCEPTABLE"), Map.entry(409, "CONFLICT"),
			Map.entry(413, "PAYLOAD_TOO_LARGE"), Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"),
			Map.entry(422, "UNPROCESSABLE"), Map.entry(429, "RATE_LIMITED"), Map.entry(500, "INTERNAL_ERROR"),
			Map.entry(502, "BAD_GATEWAY"), Map.entry(503, "SERVICE_UNAVAILABLE"));

	private Problems() {
	}

	/**
	 * The code used for a status when nothing more specific is known.
	 * @param status the HTTP status
	 * @return a stable code
	 */
	public static String codeFor(int status) {
		return CODES.getOrDefault(status, (status >= 500) ? "INTERNAL_ERROR" : "BAD_REQUEST");
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		problem.setType(URI.create("https://questline.io/problems/" + code.toLowerCase().replace('_', '-')));
		problem.setProperty("code", code);
		return problem;
	}

}
