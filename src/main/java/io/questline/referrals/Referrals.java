package io.questline.referrals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The referrals' SQL. A user's referral code is made by accounts and kept in
 * {@code users.referral_code}; the two lookups of it here only read that column.
 */
@Repository
class Referrals {

	private final JdbcClient jdbc;

	Referrals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> codeOf(UUID userId) {
		return this.jdbc.sql("SELECT referral_code FROM users WHERE id = :id")
			.param("id", userId)
			.query(String.class)
			.optional();
	}

	Optional<UUID> userWithCode(String code) {
		return this.jdbc.sql("SELECT id FROM users WHERE referral_code = :code")
			.param("code", code)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Links an invitee to a referrer unless the invitee already has one.
	 * @return whether this call linked them
	 */
	boolean link(UUID inviteeId, UUID referrerId, String code, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO referrals (invitee_id, referrer_id, code, created_at)
				VALUES (:inviteeId, :referrerId, :code, :now)
				ON CONFLICT (invitee_id) DO NOTHING
				""")
			.param("inviteeId", inviteeId)
			.param("referrerId", referrerId)
			.param("code", code)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Marks an invitee's referral as rewarded, once: concurrent callers wait on the row
	 * and only the first finds it unrewarded.
	 * @return the referrer, when this call marked it
	 */
	Optional<UUID> markRewarded(UUID inviteeId, Instant now) {
		return this.jdbc.sql("""
				UPDATE referrals SET rewarded_at = :now WHERE invitee_id = :id AND rewarded_at IS NULL
				RETURNING referrer_id
				""").param("id", inviteeId).param("now", Timestamp.from(now)).query(UUID.class).optional();
	}

	List<UUID> inviteesOf(UUID referrerId) {
		return this.jdbc.sql("SELECT invitee_id FROM referrals WHERE referrer_id = :id")
			.param("id", referrerId)
			.query(UUID.class)
			.list();
	}

	/**
	 * Counts one more invite of a user on a day, unless the day's limit is reached. The
	 * guarded upsert makes the limit hold under concurrent requests.
	 * @return whether the invite was counted
	 */
	boolean countInvite(UUID userId, LocalDate day, int limit) {
		return this.jdbc.sql("""
				INSERT INTO referral_invite_days (user_id, day, count) VALUES (:userId, :day, 1)
				ON CONFLICT (user_id, day) DO UPDATE SET count = referral_invite_days.count + 1
				 WHERE referral_invite_days.count < :limit
				""").param("userId", userId).param("day", day).param("limit", limit).update() == 1;
	}

	void insertInvite(UUID userId, String code, String channel, Instant now) {
		this.jdbc
			.sql("""
					INSERT INTO referral_invites (user_id, code, channel, created_at) VALUES (:userId, :code, :channel, :now)
					""")
			.param("userId", userId)
			.param("code", code)
			.param("channel", channel)
			.param("now", Timestamp.from(now))
			.update();
	}

}
