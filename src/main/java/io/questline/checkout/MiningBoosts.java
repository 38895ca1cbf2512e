package io.questline.checkout;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.questline.mining.MiningBonus;
import io.questline.mining.MiningMultiplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Purchased mining boosts, and the bonus they give a session that starts while one is
 * active. A second boost bought during the first starts when the first ends, so two
 * boosts are two days of 2x, not one day of 4x.
 */
@Repository
class MiningBoosts implements MiningBonus {

	private final JdbcClient jdbc;

	MiningBoosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void grant(UUID paymentId, UUID userId, int factor, Duration duration, Instant now) {
		Instant latestEnd = this.jdbc
			.sql("SELECT ends_at FROM mining_boosts WHERE user_id = :user ORDER BY ends_at DESC LIMIT 1")
			.param("user", userId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(now);
		Instant startsAt = latestEnd.isAfter(now) ? latestEnd : now;
		this.jdbc.sql("""
				INSERT INTO mining_boosts (payment_id, user_id, factor, starts_at, ends_at)
				VALUES (:payment, :user, :factor, :starts, :ends)
				ON CONFLICT (payment_id) DO NOTHING
				""")
			.param("payment", paymentId)
			.param("user", userId)
			.param("factor", factor)
			.param("starts", Timestamp.from(startsAt))
			.param("ends", Timestamp.from(startsAt.plus(duration)))
			.update();
	}

	/**
	 * Ends what remains of a boost now (a boost not yet begun never begins).
	 */
	void end(UUID paymentId, Instant now) {
		this.jdbc.sql("""
				UPDATE mining_boosts SET starts_at = LEAST(starts_at, :now), ends_at = LEAST(ends_at, :now)
				 WHERE payment_id = :payment
				""").param("payment", paymentId).param("now", Timestamp.from(now)).update();
	}

	@Override
	public Optional<MiningMultiplier> multiplierFor(UUID userId, Instant startsAt) {
		return this.jdbc.sql("""
				SELECT factor FROM mining_boosts
				 WHERE user_id = :user AND starts_at <= :at AND ends_at > :at
				 ORDER BY factor DESC LIMIT 1
				""")
			.param("user", userId)
			.param("at", Timestamp.from(startsAt))
			.query(Integer.class)
			.optional()
			.map((factor) -> MiningMultiplier.factor("boost", factor));
	}

}
