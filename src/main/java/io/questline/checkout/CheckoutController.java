package io.questline.checkout;

import java.util.UUID;

import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout for a buyer: start one for a catalog product, then verify it after the client
 * confirmed the payment with Stripe.js. The client names a product, never a price.
 */
@RestController
class CheckoutController {

	private final Checkout checkout;

	CheckoutController(Checkout checkout) {
		this.checkout = checkout;
	}

	@PostMapping("/api/checkout/create")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedResponse create(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestHeader("Idempotency-Key") String idempotencyKey, @Valid @RequestBody CreateRequest request) {
		Checkout.Started started = this.checkout.create(user.id(), request.productCode(), idempotencyKey);
		return new CreatedResponse(started.payment().id(), started.clientSecret(), started.publishableKey(),
				started.payment().amount(), started.payment().currency());
	}

	@PostMapping("/api/checkout/verify")
	VerifiedResponse verify(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody VerifyRequest request) {
		Payment payment = this.checkout.verify(user.id(), request.paymentId());
		return new VerifiedResponse(payment.id(), payment.state(), payment.granted());
	}

	record CreateRequest(@NotBlank @Size(max = 64) String productCode) {

	}

	record CreatedResponse(UUID paymentId, String clientSecret, String publishableKey, long amount, String currency) {

	}

	record VerifyRequest(@NotNull UUID paymentId) {

	}

	record VerifiedResponse(UUID paymentId, String status, boolean granted) {

	}

}
