package io.questline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests, over the real network stack. Each request comes from a
 * random client address (through {@code X-Forwarded-For}, trusted from 127.0.0.1 in
 * tests) unless a test pins one with {@link Request#from(String)}, so per-address rate
 * limits do not couple tests.
 */
public class Api {

	private static final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Environment environment;

	private final JsonMapper json;

	Api(Environment environment, JsonMapper json) {
		this.environment = environment;
		this.json = json;
	}

	public Request get(String path) {
		return new Request("GET", path, null);
	}

	public Request post(String path, String body) {
		return new Request("POST", path, body);
	}

	/**
	 * A POST with a JSON body written from a map or record.
	 */
	public Request post(String path, Object body) {
		return new Request("POST", path, this.json.writeValueAsString(body));
	}

	public Request method(String method, String path, String body) {
		return new Request(method, path, body);
	}

	public JsonMapper json() {
		return this.json;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.environment.getRequiredProperty("local.server.port");
	}

	/**
	 * A request being built.
	 */
	public final class Request {

		private final String method;

		private final String path;

		private final String body;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String contentType = "application/json";

		Request(String method, String path, String body) {
			this.method = method;
			this.path = path;
			this.body = body;
			ThreadLocalRandom random = ThreadLocalRandom.current();
			this.headers.put("X-Forwarded-For",
					"10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
		}

		public Request as(TestUsers.TestUser user) {
			return bearer(user.token());
		}

		public Request bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Request from(String address) {
			return header("X-Forwarded-For", address);
		}

		public Request idempotencyKey(String key) {
			return header("Idempotency-Key", key);
		}

		public Request contentType(String type) {
			this.contentType = type;
			return this;
		}

		public Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Response send() {
			TrafficRecorder.install();
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + this.path))
				.timeout(Duration.ofSeconds(60));
			this.headers.forEach(builder::header);
			if (this.body != null) {
				if (this.contentType != null) {
					builder.header("Content-Type", this.contentType);
				}
				builder.method(this.method, HttpRequest.BodyPublishers.ofString(this.body, StandardCharsets.UTF_8));
			}
			else {
				builder.method(this.method, HttpRequest.BodyPublishers.noBody());
			}
			try {
				HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
				Response received = new Response(response.statusCode(), response.headers().map(), response.body());
				TrafficRecorder.recordResponse(this.method + " " + this.path + " -> " + received.status() + " "
						+ received.headers() + " " + received.text());
				return received;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A response as received.
	 *
	 * @param status the status code
	 * @param headers the headers (names lower-case)
	 * @param bytes the raw body
	 */
	public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {

		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JsonMapper.shared().readTree(this.bytes);
		}

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

		/** The problem {@code code}, for error responses. */
		public String code() {
			JsonNode code = json().get("code");
			return (code != null) ? code.asString() : null;
		}

		@Override
		public String toString() {
			return this.status + " " + text();
		}

	}

}
