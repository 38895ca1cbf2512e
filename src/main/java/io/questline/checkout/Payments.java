package io.questline.checkout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments, the reversals taken on them, and the Stripe events already handled.
 */
@Repository
class Payments {

	private static final String COLUMNS = """
			id, user_id, product_code, amount, currency, state, payment_intent_id, granted_at, coins_granted,
			freezes_granted, refunded_amount, refund_count, coins_reversed, coins_shortfall, items_reversed, created_at
			""";

	private final JdbcClient jdbc;

	Payments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Starts a checkout unless the user already started one with this idempotency key.
	 */
	void insertIfAbsent(UUID id, UUID userId, String idempotencyKey, String productCode, long amount, String currency,
			Instant now) {
		this.jdbc.sql("""
				INSERT INTO payments (id, user_id, idempotency_key, product_code, amount, currency, state, created_at,
				                      updated_at)
				VALUES (:id, :user, :key, :product, :amount, :currency, 'created', :now, :now)
				ON CONFLICT (user_id, idempotency_key) DO NOTHING
				""")
			.param("id", id)
			.param("user", userId)
			.param("key", idempotencyKey)
			.param("product", productCode)
			.param("amount", amount)
			.param("currency", currency)
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<Payment> findByKey(UUID userId, String idempotencyKey) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE user_id = :user AND idempotency_key = :key")
			.param("user", userId)
			.param("key", idempotencyKey)
			.query(Payment.class)
			.optional();
	}

	Optional<Payment> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id")
			.param("id", id)
			.query(Payment.class)
			.optional();
	}

	/**
	 * Reads a payment and locks it until the transaction ends: the grant, the refunds and
	 * the webhook's state changes take this lock, so they happen one after the other.
	 */
	Optional<Payment> lock(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Payment.class)
			.optional();
	}

	Optional<UUID> idOfIntent(String paymentIntentId) {
		return this.jdbc.sql("SELECT id FROM payments WHERE payment_intent_id = :pi")
			.param("pi", paymentIntentId)
			.query(UUID.class)
			.optional();
	}

	void attachIntent(UUID id, String paymentIntentId, Instant now) {
		this.jdbc.sql("""
				UPDATE payments SET payment_intent_id = :pi, updated_at = :now
				 WHERE id = :id AND payment_intent_id IS NULL
				""").param("id", id).param("pi", paymentIntentId).param("now", Timestamp.from(now)).update();
	}

	void markGranted(UUID id, String paymentIntentId, long coins, int freezes, String note, Instant now) {
		this.jdbc.sql("""
				UPDATE payments SET state = 'succeeded', payment_intent_id = COALESCE(payment_intent_id, :pi),
				       granted_at = :now, coins_granted = :coins, freezes_granted = :freezes, note = :note,
				       updated_at = :now
				 WHERE id = :id AND granted_at IS NULL
				""")
			.param("id", id)
			.param("pi", paymentIntentId)
			.param("coins", coins)
			.param("freezes", freezes)
			.param("note", note)
			.param("now", Timestamp.from(now))
			.update();
	}

	void changeState(UUID id, String state, Instant now) {
		this.jdbc.sql("UPDATE payments SET state = :state, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("state", state)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Records a refund or dispute once per reference.
	 * @return whether it was new
	 */
	boolean insertReversal(UUID paymentId, String reference, String kind, String stripeRefundId, long amount,
			long coinsReversed, long shortfall, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO payment_reversals (payment_id, reference, kind, stripe_refund_id, amount, coins_reversed,
				                               shortfall, created_at)
				VALUES (:payment, :reference, :kind, :refund, :amount, :coins, :shortfall, :now)
				ON CONFLICT DO NOTHING
				""")
			.param("payment", paymentId)
			.param("reference", reference)
			.param("kind", kind)
			.param("refund", stripeRefundId)
			.param("amount", amount)
			.param("coins", coinsReversed)
			.param("shortfall", shortfall)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	boolean reversalRecorded(String stripeRefundId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_reversals WHERE stripe_refund_id = :refund)")
			.param("refund", stripeRefundId)
			.query(Boolean.class)
			.single();
	}

	void applyReversal(UUID id, String state, long refundedAmount, boolean countsAsRefund, long coinsReversed,
			long shortfall, boolean itemsReversed, Instant now) {
		this.jdbc.sql("""
				UPDATE payments SET state = :state, refunded_amount = :refunded,
				       refund_count = refund_count + CASE WHEN :counts THEN 1 ELSE 0 END,
				       coins_reversed = coins_reversed + :coins, coins_shortfall = coins_shortfall + :shortfall,
				       items_reversed = items_reversed OR :items, updated_at = :now
				 WHERE id = :id
				""")
			.param("id", id)
			.param("state", state)
			.param("refunded", refundedAmount)
			.param("counts", countsAsRefund)
			.param("coins", coinsReversed)
			.param("shortfall", shortfall)
			.param("items", itemsReversed)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Notes a Stripe event as handled, in the transaction of its effect.
	 * @return false when it was handled before (a repeat delivery)
	 */
	boolean markEventHandled(String eventId, String type, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO stripe_events (event_id, type, received_at) VALUES (:id, :type, :now)
				ON CONFLICT (event_id) DO NOTHING
				""").param("id", eventId).param("type", type).param("now", Timestamp.from(now)).update() == 1;
	}

}
