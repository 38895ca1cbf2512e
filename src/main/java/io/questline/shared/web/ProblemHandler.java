package io.questline.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become RFC 9457 problem responses. Every response
 * carries a stable {@code code}; none carries a stack trace, SQL, a class name or a
 * secret.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> api(ApiException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return problem(problem, new HttpHeaders());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return validation(
				List.of(new InvalidRequestException.FieldError(ex.getName(), "has the wrong type or format")));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		List<InvalidRequestException.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new InvalidRequestException.FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return validation(errors);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> accessDenied(AccessDeniedException ex) {
		return problem(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this."),
				new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex) {
		logger.error("Unexpected error", ex);
		return problem(
				Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
						"Something went wrong on our side. It has been logged; please try again later."),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validation(fieldErrors(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidRequestException.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new InvalidRequestException.FieldError(
						result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return validation(errors);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return validation(List.of(new InvalidRequestException.FieldError(ex.getParameterName(), "is required")));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof UnrecognizedPropertyException unrecognized) {
				return problem(validationProblem("UNKNOWN_FIELD", List
					.of(new InvalidRequestException.FieldError(path(unrecognized), "is not a field of this request"))),
						new HttpHeaders());
			}
			if (cause instanceof ControlCharacterException control) {
				return validation(List.of(new InvalidRequestException.FieldError(path(control), control.getMessage())));
			}
			if (cause instanceof InputCoercionException coercion) {
				return validation(List.of(new InvalidRequestException.FieldError(currentField(coercion),
						"is out of range for this field")));
			}
			if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
				return validation(List.of(new InvalidRequestException.FieldError(path(mismatch),
						"is missing or has the wrong type or format")));
			}
			cause = cause.getCause();
		}
		return problem(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON."),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return problem(Problems.of(HttpStatus.BAD_REQUEST, "MISSING_HEADER",
					"The header " + missing.getHeaderName() + " is required."), new HttpHeaders());
		}
		return handleExceptionInternal(ex, null, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String code = Problems.codeFor(statusCode.value());
		String detail = "The request could not be processed.";
		if (ex instanceof NoResourceFoundException) {
			code = "NOT_FOUND";
			detail = "No endpoint here.";
		}
		else if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			detail = response.getBody().getDetail();
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			code = "METHOD_NOT_ALLOWED";
		}
		else if (ex instanceof HttpMediaTypeNotSupportedException) {
			code = "UNSUPPORTED_MEDIA_TYPE";
		}
		if (statusCode.is5xxServerError()) {
			logger.error("Request failed", ex);
			detail = "Something went wrong on our side. It has been logged; please try again later.";
		}
		return problem(Problems.of(statusCode, code, detail), headers);
	}

	private ResponseEntity<Object> validation(List<InvalidRequestException.FieldError> errors) {
		return problem(validationProblem("VALIDATION_FAILED", errors), new HttpHeaders());
	}

	private static ProblemDetail validationProblem(String code, List<InvalidRequestException.FieldError> errors) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, code, "The request is not valid.");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		HttpHeaders responseHeaders = new HttpHeaders();
		if (headers != null) {
			responseHeaders.putAll(headers);
		}
		responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(problem.getStatus()).headers(responseHeaders).body(problem);
	}

	private static List<InvalidRequestException.FieldError> fieldErrors(BindingResult result) {
		List<InvalidRequestException.FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors
				.add(new InvalidRequestException.FieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((error) -> errors
				.add(new InvalidRequestException.FieldError(error.getObjectName(), error.getDefaultMessage())));
		errors.sort(Comparator.comparing(InvalidRequestException.FieldError::field));
		return errors;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String currentField(InputCoercionException ex) {
		JsonParser parser = ex.processor();
		if (parser != null && parser.streamReadContext() != null && parser.streamReadContext().currentName() != null) {
			return parser.streamReadContext().currentName();
		}
		return "body";
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot < 0) ? propertyPath : propertyPath.substring(dot + 1);
	}

}
