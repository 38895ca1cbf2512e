package io.questline.checkout;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Every call to Stripe, through the official client with timeouts and a bounded retry.
 * Stripe's failures become problems a client can act on: 503 {@code STRIPE_UNAVAILABLE}
 * when Stripe cannot be reached or rate-limits us, 502 {@code STRIPE_ERROR} otherwise;
 * never a 500. Nothing here logs a key or a client secret.
 */
@Component
class StripeGateway {

	static final String PAYMENT_ID = "payment_id";

	static final String USER_ID = "user_id";

	static final String PRODUCT_CODE = "product_code";

	private static final Logger logger = LoggerFactory.getLogger(StripeGateway.class);

	private final CheckoutProperties properties;

	private final Clock clock;

	private final StripeClient client;

	StripeGateway(CheckoutProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.client = properties.configured() ? build(properties) : null;
		if (this.client == null) {
			logger.warn("Stripe keys are not set: payment endpoints answer 503 PAYMENTS_NOT_CONFIGURED");
		}
	}

	private static StripeClient build(CheckoutProperties properties) {
		StripeClient.StripeClientBuilder builder = StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setConnectTimeout(Math.toIntExact(properties.connectTimeout().toMillis()))
			.setReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()))
			.setMaxNetworkRetries(properties.maxNetworkRetries());
		if (StringUtils.hasText(properties.apiBase())) {
			builder.setApiBase(properties.apiBase());
		}
		return builder.build();
	}

	/**
	 * @throws PaymentsNotConfiguredException when the Stripe keys are not set
	 */
	void requireConfigured() {
		if (this.client == null) {
			throw new PaymentsNotConfiguredException();
		}
	}

	String publishableKey() {
		requireConfigured();
		return this.properties.publishableKey();
	}

	/**
	 * Creates the PaymentIntent of a payment. The idempotency key is derived from our
	 * payment id, so a retried create returns the same PaymentIntent and never makes a
	 * second charge.
	 */
	Intent createIntent(Payment payment) {
		requireConfigured();
		PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
			.setAmount(payment.amount())
			.setCurrency(payment.currency())
			.putMetadata(PAYMENT_ID, payment.id().toString())
			.putMetadata(USER_ID, payment.userId().toString())
			.putMetadata(PRODUCT_CODE, payment.productCode())
			.setAutomaticPaymentMethods(
					PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
			.build();
		RequestOptions options = RequestOptions.builder()
			.setIdempotencyKey("questline-payment-" + payment.id())
			.build();
		return call("create PaymentIntent", () -> Intent.of(this.client.v1().paymentIntents().create(params, options)));
	}

	Intent retrieveIntent(String paymentIntentId) {
		requireConfigured();
		return call("retrieve PaymentIntent",
				() -> Intent.of(this.client.v1().paymentIntents().retrieve(paymentIntentId)));
	}

	/**
	 * Refunds part or all of a PaymentIntent.
	 * @param idempotencyKey derived from the payment, the amount and the refunds made
	 * before, so a retried refund is one refund
	 */
	StripeRefund refund(Payment payment, long amount, String idempotencyKey) {
		requireConfigured();
		RefundCreateParams params = RefundCreateParams.builder()
			.setPaymentIntent(payment.paymentIntentId())
			.setAmount(amount)
			.putMetadata(PAYMENT_ID, payment.id().toString())
			.build();
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
		return call("create Refund", () -> {
			Refund refund = this.client.v1().refunds().create(params, options);
			return new StripeRefund(refund.getId(), refund.getStatus());
		});
	}

	/**
	 * Checks a webhook's signature on its raw body and reads the event.
	 * @throws InvalidSignatureException when the header is missing, forged, or older than
	 * the tolerance
	 */
	Event readEvent(String payload, String signatureHeader) {
		requireConfigured();
		if (!StringUtils.hasText(signatureHeader)) {
			throw new InvalidSignatureException();
		}
		try {
			return Webhook.constructEvent(payload, signatureHeader, this.properties.webhookSecret(),
					this.properties.webhookTolerance().toSeconds(), this.clock);
		}
		catch (SignatureVerificationException ex) {
			throw new InvalidSignatureException();
		}
		catch (RuntimeException ex) {
			// A signed body that is not an event (stripe-java throws Gson's parse
			// errors).
			throw new InvalidEventException();
		}
	}

	private <T> T call(String what, StripeCall<T> call) {
		try {
			return call.run();
		}
		catch (ApiConnectionException | RateLimitException ex) {
			logger.warn("Stripe unavailable on {}: {} status={} requestId={}", what, ex.getClass().getSimpleName(),
					ex.getStatusCode(), ex.getRequestId());
			throw new StripeUnavailableException();
		}
		catch (StripeException ex) {
			logger.warn("Stripe refused {}: {} status={} code={} requestId={}", what, ex.getClass().getSimpleName(),
					ex.getStatusCode(), ex.getCode(), ex.getRequestId());
			Integer status = ex.getStatusCode();
			if (status != null && (status == 429 || status == 503)) {
				throw new StripeUnavailableException();
			}
			throw new StripeErrorException();
		}
		catch (RuntimeException ex) {
			// An answer stripe-java could not read (not JSON, wrong shape): a bad
			// gateway.
			logger.warn("Unreadable answer from Stripe on {}: {}", what, ex.getClass().getSimpleName());
			throw new StripeErrorException();
		}
	}

	@FunctionalInterface
	private interface StripeCall<T> {

		T run() throws StripeException;

	}

	/**
	 * What we read from a PaymentIntent.
	 *
	 * @param id its id ({@code pi_...})
	 * @param status Stripe's status ({@code succeeded}, {@code canceled}, ...)
	 * @param amount its amount in minor units
	 * @param currency its currency
	 * @param metadata its metadata (our payment id, user id, product code)
	 * @param clientSecret what the client confirms it with; never logged
	 */
	record Intent(String id, String status, long amount, String currency, Map<String, String> metadata,
			String clientSecret) {

		static Intent of(PaymentIntent intent) {
			return new Intent(intent.getId(), intent.getStatus(),
					(intent.getAmount() != null) ? intent.getAmount() : -1, intent.getCurrency(),
					(intent.getMetadata() != null) ? Map.copyOf(intent.getMetadata()) : Map.of(),
					intent.getClientSecret());
		}

		boolean matches(Payment payment) {
			return this.amount == payment.amount() && payment.currency().equalsIgnoreCase(this.currency)
					&& payment.id().toString().equals(this.metadata.get(PAYMENT_ID))
					&& payment.userId().toString().equals(this.metadata.get(USER_ID))
					&& payment.productCode().equals(this.metadata.get(PRODUCT_CODE))
					&& (payment.paymentIntentId() == null || payment.paymentIntentId().equals(this.id));
		}

		@Override
		public String toString() {
			return "Intent[id=" + this.id + ", status=" + this.status + ", amount=" + this.amount + ", currency="
					+ this.currency + "]";
		}

	}

	/**
	 * A refund Stripe made.
	 *
	 * @param id its id ({@code re_...})
	 * @param status Stripe's status ({@code succeeded}, {@code pending}, ...)
	 */
	record StripeRefund(String id, String status) {

	}

	static UUID uuidOrNull(String value) {
		try {
			return (value != null) ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
