package io.questline.shared.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link ProblemResponse} answers of handlers into the OpenAPI document, all
 * with one {@code Problem} schema (RFC 9457 plus {@code code} and {@code errors}).
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponseDocs {

	static final String PROBLEM_SCHEMA = "Problem";

	/** What any endpoint may answer: the platform's own refusals. */
	private static final List<Answer> COMMON = List.of(
			new Answer(400, "VALIDATION_FAILED", "invalid input (UNKNOWN_FIELD, MALFORMED_JSON, MISSING_HEADER alike)"),
			new Answer(401, "UNAUTHORIZED", "no valid access token (except on public endpoints)"),
			new Answer(403, "FORBIDDEN", "not allowed here, or ACCOUNT_BANNED"),
			new Answer(429, "RATE_LIMITED", "over the rate limit; see Retry-After"));

	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> {
			List<Answer> problems = new ArrayList<>();
			Arrays.stream(handler.getMethod().getAnnotationsByType(ProblemResponse.class))
				.map((problem) -> new Answer(problem.status(), problem.code(), problem.description()))
				.forEach(problems::add);
			problems.addAll(COMMON);
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			Map<Integer, String> byStatus = problems.stream()
				.collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors
					.mapping((problem) -> problem.code() + ": " + problem.description(), Collectors.joining("; "))));
			byStatus.forEach((status, description) -> operation.getResponses()
				.addApiResponse(String.valueOf(status), new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))))));
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
				.addProperty("message", new StringSchema());
			Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details with a stable code")
				.addProperty("type", new StringSchema())
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("code", new StringSchema().description("stable, machine-readable"))
				.addProperty("errors", new ArraySchema().items(fieldError).description("for VALIDATION_FAILED"));
			openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problem);
		};
	}

	private record Answer(int status, String code, String description) {
	}

}
