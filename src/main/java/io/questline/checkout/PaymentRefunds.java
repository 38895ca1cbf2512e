package io.questline.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.questline.checkout.StripeGateway.StripeRefund;
import io.questline.ledger.InsufficientBalanceException;
import io.questline.shared.audit.AuditLog;
import io.questline.shared.web.ApiException;
import io.questline.shared.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin refunds: checked against what remains refundable, made at Stripe with an
 * idempotency key, then the grant is taken back through the ledger and the whole is
 * audited. The Stripe call happens between two short transactions, never inside one.
 */
@Service
class PaymentRefunds {

	private final Payments payments;

	private final StripeGateway stripe;

	private final Fulfillment fulfillment;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	PaymentRefunds(Payments payments, StripeGateway stripe, Fulfillment fulfillment, AuditLog audit,
			TransactionTemplate transactions) {
		this.payments = payments;
		this.stripe = stripe;
		this.fulfillment = fulfillment;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Refunds a payment, in part or in full.
	 * @param amount minor units, or {@code null} for all that remains
	 */
	Refunded refund(UUID adminId, UUID paymentId, Long amount, String reason) {
		this.stripe.requireConfigured();
		Plan plan = this.transactions.execute((status) -> plan(paymentId, amount));
		// The key names the payment, the amount and how many refunds came before: a retry
		// of this refund is the same refund at Stripe, a later one is a new one.
		String key = "questline-refund-" + paymentId + "-" + plan.amount() + "-" + (plan.payment().refundCount() + 1);
		StripeRefund refund;
		try {
			refund = this.stripe.refund(plan.payment(), plan.amount(), key);
		}
		catch (ApiException ex) {
			this.transactions.executeWithoutResult((status) -> this.audit.record(adminId, "payments.refund",
					"payment:" + paymentId, reason, "failed", details(plan.amount(), null, ex.code())));
			throw ex;
		}
		// Stripe has refunded: taking back must not give up because the buyer spent coins
		// between our balance read and the debit, so a refused debit is tried again.
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> takeBack(adminId, paymentId, plan, refund, reason));
			}
			catch (InsufficientBalanceException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	private Refunded takeBack(UUID adminId, UUID paymentId, Plan plan, StripeRefund refund, String reason) {
		Payment payment = this.payments.lock(paymentId).orElseThrow();
		Payment after = this.payments.reversalRecorded(refund.id()) ? payment : this.fulfillment.refunded(payment,
				plan.payment().refundedAmount() + plan.amount(), "stripe:refund:" + refund.id(), refund.id());
		this.audit.record(adminId, "payments.refund", "payment:" + paymentId, reason, "success",
				details(plan.amount(), refund.id(), null));
		return new Refunded(after, refund.id());
	}

	private Plan plan(UUID paymentId, Long requested) {
		Payment payment = this.payments.lock(paymentId).orElseThrow(() -> new NotFoundException("Payment"));
		if (payment.paymentIntentId() == null
				|| !(Payment.SUCCEEDED.equals(payment.state()) || Payment.PARTIALLY_REFUNDED.equals(payment.state()))) {
			throw new PaymentNotRefundableException();
		}
		long amount = (requested != null) ? requested : payment.refundable();
		if (amount > payment.refundable()) {
			throw new RefundTooLargeException();
		}
		return new Plan(payment, amount);
	}

	private static Map<String, Object> details(long amount, String refundId, String error) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("amount", amount);
		if (refundId != null) {
			details.put("refundId", refundId);
		}
		if (error != null) {
			details.put("error", error);
		}
		return details;
	}

	private record Plan(Payment payment, long amount) {

	}

	/**
	 * A refund made.
	 *
	 * @param payment the payment after it
	 * @param refundId Stripe's refund id
	 */
	record Refunded(Payment payment, String refundId) {

	}

}
