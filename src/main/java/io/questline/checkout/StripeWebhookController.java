package io.questline.checkout;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.questline.shared.web.BodyLimitFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook. Public, so the signature on the raw body is what authenticates it.
 */
@RestController
class StripeWebhookController {

	private final StripeGateway stripe;

	private final StripeWebhooks webhooks;

	StripeWebhookController(StripeGateway stripe, StripeWebhooks webhooks) {
		this.stripe = stripe;
		this.webhooks = webhooks;
	}

	@PostMapping("/api/webhooks/stripe")
	Map<String, Object> receive(HttpServletRequest request,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		// The signature covers the exact bytes Stripe sent, so read them, not a
		// re-encoding.
		String payload = new String(BodyLimitFilter.body(request), StandardCharsets.UTF_8);
		this.webhooks.handle(this.stripe.readEvent(payload, signature));
		return Map.of("received", true);
	}

}
