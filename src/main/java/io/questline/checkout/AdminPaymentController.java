package io.questline.checkout;

import java.util.UUID;

import io.questline.shared.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds for operators (the ADMIN role is enforced on {@code /api/admin/**}).
 */
@RestController
class AdminPaymentController {

	private final PaymentRefunds refunds;

	AdminPaymentController(PaymentRefunds refunds) {
		this.refunds = refunds;
	}

	@PostMapping("/api/admin/payments/refund")
	RefundResponse refund(@AuthenticationPrincipal AuthenticatedUser admin, @Valid @RequestBody RefundRequest request) {
		PaymentRefunds.Refunded refunded = this.refunds.refund(admin.id(), request.paymentId(), request.amount(),
				request.reason());
		return new RefundResponse(refunded.payment().id(), refunded.refundId(), refunded.payment().state());
	}

	record RefundRequest(@NotNull UUID paymentId, @Positive Long amount, @Size(max = 500) String reason) {

	}

	record RefundResponse(UUID paymentId, String refundId, String status) {

	}

}
