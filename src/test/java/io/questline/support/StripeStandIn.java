package io.questline.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.stripe.Stripe;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the part of Stripe's HTTP API Questline calls, so tests drive the
 * real stripe-java client: {@code POST /v1/payment_intents}, {@code GET
 * /v1/payment_intents/{id}}, {@code POST /v1/refunds}, with form-encoded bodies,
 * bearer-key authentication and {@code Idempotency-Key} replay. Tests set a
 * PaymentIntent's status or amount, or make the whole API fail or go down.
 */
public final class StripeStandIn {

	/** How the stand-in answers. */
	public enum Mode {

		/** Normally. */
		UP,
		/** Drops every connection without an answer, as an unreachable host would. */
		DOWN,
		/** 500 with an {@code api_error}. */
		ERROR,
		/** 429 with a {@code rate_limit} error. */
		RATE_LIMITED,
		/**
		 * Answers only after {@link StripeStandIn#SLOW_DELAY}, past the client's read
		 * timeout.
		 */
		SLOW

	}

	/** How long {@link Mode#SLOW} waits: longer than the test read timeout (2 s). */
	public static final java.time.Duration SLOW_DELAY = java.time.Duration.ofSeconds(4);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final String secretKey;

	private final Map<String, Map<String, Object>> intents = new ConcurrentHashMap<>();

	private final Map<String, Map<String, Object>> refunds = new ConcurrentHashMap<>();

	private final Map<String, String> idempotent = new ConcurrentHashMap<>();

	private final List<Map<String, String>> createRequests = new ArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private final AtomicLong calls = new AtomicLong();

	private volatile Mode mode = Mode.UP;

	private StripeStandIn(String secretKey) throws IOException {
		this.secretKey = secretKey;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "stripe-stand-in");
			thread.setDaemon(true);
			return thread;
		}));
		this.server.createContext("/v1/", this::handle);
		this.server.start();
	}

	/**
	 * Starts a stand-in on a free port of 127.0.0.1.
	 * @param secretKey the key requests must carry
	 */
	public static StripeStandIn start(String secretKey) {
		try {
			return new StripeStandIn(secretKey);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	/** Back to answering normally. Tests call it after changing the mode. */
	public void reset() {
		this.mode = Mode.UP;
	}

	/** Requests received so far, answered or not. */
	public long calls() {
		return this.calls.get();
	}

	/** A copy of a PaymentIntent as the stand-in holds it. */
	public Map<String, Object> intent(String id) {
		return Map.copyOf(this.intents.get(id));
	}

	/**
	 * The form fields of every PaymentIntent create received (after idempotent replays).
	 */
	public synchronized List<Map<String, String>> createRequests() {
		return List.copyOf(this.createRequests);
	}

	public long intentCount(String paymentId) {
		return this.intents.values()
			.stream()
			.filter((intent) -> paymentId.equals(metadata(intent).get("payment_id")))
			.count();
	}

	/** The buyer confirmed the payment and it went through. */
	public void succeed(String intentId) {
		set(intentId, "status", "succeeded");
	}

	public void set(String intentId, String field, Object value) {
		this.intents.computeIfPresent(intentId, (id, intent) -> {
			Map<String, Object> changed = new LinkedHashMap<>(intent);
			changed.put(field, value);
			return changed;
		});
	}

	/** The refunds made at the stand-in for a PaymentIntent. */
	public List<Map<String, Object>> refundsOf(String intentId) {
		return this.refunds.values()
			.stream()
			.filter((refund) -> intentId.equals(refund.get("payment_intent")))
			.toList();
	}

	/**
	 * A Stripe event as Stripe sends it to a webhook.
	 * @param id the event id
	 * @param type the event type
	 * @param object the event's {@code data.object}
	 * @return the JSON body
	 */
	public static String event(String id, String type, Map<String, Object> object) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id);
		event.put("object", "event");
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", System.currentTimeMillis() / 1000);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		event.put("type", type);
		event.put("data", Map.of("object", object));
		return json.writeValueAsString(event);
	}

	/**
	 * The {@code Stripe-Signature} header Stripe would send with a payload:
	 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + payload)>}.
	 */
	public static String sign(String payload, String secret, long unixSeconds) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		try {
			Mode mode = this.mode;
			if (mode == Mode.DOWN) {
				return;
			}
			if (mode == Mode.SLOW) {
				sleep();
			}
			if (mode == Mode.ERROR) {
				send(exchange, 500, error("api_error", null, "Something went wrong on Stripe's end."));
				return;
			}
			if (mode == Mode.RATE_LIMITED) {
				send(exchange, 429, error("invalid_request_error", "rate_limit", "Too many requests."));
				return;
			}
			if (!("Bearer " + this.secretKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				send(exchange, 401, error("invalid_request_error", null, "Invalid API Key provided."));
				return;
			}
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			if ("GET".equals(method) && path.startsWith("/v1/payment_intents/")) {
				Map<String, Object> intent = this.intents.get(path.substring("/v1/payment_intents/".length()));
				if (intent == null) {
					send(exchange, 404, error("invalid_request_error", "resource_missing", "No such payment_intent"));
				}
				else {
					send(exchange, 200, json.writeValueAsString(intent));
				}
				return;
			}
			if ("POST".equals(method) && (path.equals("/v1/payment_intents") || path.equals("/v1/refunds"))) {
				Map<String, String> form = form(
						new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
				String body;
				synchronized (this) {
					body = (key != null) ? this.idempotent.get(path + " " + key) : null;
					if (body == null) {
						body = path.equals("/v1/refunds") ? createRefund(form) : createIntent(form);
						if (key != null) {
							this.idempotent.put(path + " " + key, body);
						}
					}
				}
				if (body.startsWith("{\"error\"")) {
					send(exchange, 400, body);
				}
				else {
					send(exchange, 200, body);
				}
				return;
			}
			send(exchange, 404, error("invalid_request_error", null, "Unrecognized request URL"));
		}
		finally {
			exchange.close();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(SLOW_DELAY.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String createIntent(Map<String, String> form) {
		this.createRequests.add(form);
		String id = "pi_test" + this.ids.incrementAndGet();
		Map<String, Object> intent = new LinkedHashMap<>();
		intent.put("id", id);
		intent.put("object", "payment_intent");
		intent.put("amount", Long.parseLong(form.get("amount")));
		intent.put("currency", form.get("currency"));
		intent.put("status", "requires_payment_method");
		intent.put("client_secret", id + "_secret_test" + this.ids.incrementAndGet());
		intent.put("livemode", false);
		Map<String, String> metadata = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (name.startsWith("metadata[")) {
				metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
			}
		});
		intent.put("metadata", metadata);
		this.intents.put(id, intent);
		return json.writeValueAsString(intent);
	}

	private String createRefund(Map<String, String> form) {
		Map<String, Object> intent = this.intents.get(form.get("payment_intent"));
		if (intent == null || !"succeeded".equals(intent.get("status"))) {
			return error("invalid_request_error", "charge_not_refundable", "This PaymentIntent cannot be refunded.");
		}
		long amount = (form.get("amount") != null) ? Long.parseLong(form.get("amount"))
				: ((Number) intent.get("amount")).longValue();
		long refunded = refundsOf((String) intent.get("id")).stream()
			.mapToLong((r) -> ((Number) r.get("amount")).longValue())
			.sum();
		if (refunded + amount > ((Number) intent.get("amount")).longValue()) {
			return error("invalid_request_error", "charge_already_refunded", "Refund exceeds the charge.");
		}
		String id = "re_test" + this.ids.incrementAndGet();
		Map<String, Object> refund = new LinkedHashMap<>();
		refund.put("id", id);
		refund.put("object", "refund");
		refund.put("amount", amount);
		refund.put("currency", intent.get("currency"));
		refund.put("payment_intent", intent.get("id"));
		refund.put("status", "succeeded");
		this.refunds.put(id, refund);
		return json.writeValueAsString(refund);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> metadata(Map<String, Object> intent) {
		return (Map<String, String>) intent.getOrDefault("metadata", Map.of());
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			form.put(name, value);
		}
		return form;
	}

	private static String error(String type, String code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", type);
		if (code != null) {
			error.put("code", code);
		}
		error.put("message", message);
		return json.writeValueAsString(Map.of("error", error));
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Request-Id", "req_test" + System.nanoTime());
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
