package io.questline.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table, as the accounts feature reads and writes it.
 */
@Repository
class Users {

	private static final String ADMIN_COLUMNS = """
			id, email, display_name, role, banned AND (banned_until IS NULL OR banned_until > :now) AS banned_now,
			ban_reason, banned_until, created_at
			""";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts an account unless its email or referral code is taken.
	 * @return the new id, or empty when a unique value was taken
	 */
	Optional<UUID> insert(NewUser user, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO users (email, email_normalized, password_hash, display_name, role, referral_code,
				                   created_at, updated_at)
				VALUES (:email, :normalized, :hash, :displayName, :role, :referralCode, :now, :now)
				ON CONFLICT DO NOTHING
				RETURNING id
				""")
			.param("email", user.email())
			.param("normalized", user.emailNormalized())
			.param("hash", user.passwordHash())
			.param("displayName", user.displayName())
			.param("role", user.role())
			.param("referralCode", user.referralCode())
			.param("now", Timestamp.from(now))
			.query(UUID.class)
			.optional();
	}

	boolean emailTaken(String emailNormalized) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email_normalized = :email)")
			.param("email", emailNormalized)
			.query(Boolean.class)
			.single();
	}

	Optional<Credentials> credentials(String emailNormalized) {
		return this.jdbc.sql("""
				SELECT id, password_hash, banned, banned_until FROM users WHERE email_normalized = :email
				""").param("email", emailNormalized).query(Users::credentials).optional();
	}

	Optional<Credentials> credentials(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, password_hash, banned, banned_until FROM users WHERE id = :id
				""").param("id", userId).query(Users::credentials).optional();
	}

	/**
	 * The profile, with a zero balance (the ledger knows the balance).
	 */
	Optional<Profile> profile(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, email, display_name, bio, avatar_url, role, referral_code, timezone, locale,
				       notifications, leaderboard_visible, created_at
				FROM users WHERE id = :id
				""")
			.param("id", userId)
			.query((rs, row) -> new Profile(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getString("display_name"), rs.getString("bio"), rs.getString("avatar_url"), rs.getString("role"),
					0, rs.getString("referral_code"), settings(rs), rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/**
	 * Changes what is given of the profile; {@code null} leaves a field as it is, and a
	 * {@code clear} flag empties an optional one.
	 */
	void updateProfile(UUID userId, String displayName, Change bio, Change avatarUrl, Instant now) {
		this.jdbc.sql("""
				UPDATE users
				SET display_name = COALESCE(:displayName, display_name),
				    bio = CASE WHEN :setBio THEN CAST(:bio AS text) ELSE bio END,
				    avatar_url = CASE WHEN :setAvatarUrl THEN CAST(:avatarUrl AS text) ELSE avatar_url END,
				    updated_at = :now
				WHERE id = :id
				""")
			.param("id", userId)
			.param("displayName", displayName)
			.param("setBio", bio.given())
			.param("bio", bio.value())
			.param("setAvatarUrl", avatarUrl.given())
			.param("avatarUrl", avatarUrl.value())
			.param("now", Timestamp.from(now))
			.update();
	}

	Optional<Profile.Settings> updateSettings(UUID userId, String timezone, String locale, Boolean notifications,
			Boolean leaderboardVisible, Instant now) {
		return this.jdbc.sql("""
				UPDATE users
				SET timezone = COALESCE(CAST(:timezone AS text), timezone),
				    locale = COALESCE(CAST(:locale AS text), locale),
				    notifications = COALESCE(CAST(:notifications AS boolean), notifications),
				    leaderboard_visible = COALESCE(CAST(:leaderboardVisible AS boolean), leaderboard_visible),
				    updated_at = :now
				WHERE id = :id
				RETURNING timezone, locale, notifications, leaderboard_visible
				""")
			.param("id", userId)
			.param("timezone", timezone)
			.param("locale", locale)
			.param("notifications", notifications)
			.param("leaderboardVisible", leaderboardVisible)
			.param("now", Timestamp.from(now))
			.query((rs, row) -> settings(rs))
			.optional();
	}

	/**
	 * One page of the admin list, newest first.
	 * @param pattern a LIKE pattern (already escaped, lower-case) on email and display
	 * name, or {@code null}
	 * @param banned only users whose ban is (or is not) in force, or {@code null}
	 * @param after the position to continue after, or {@code null}
	 * @param limit how many rows to fetch
	 */
	List<AdminUser> list(String pattern, Boolean banned, Position after, int limit, Instant now) {
		return this.jdbc.sql("SELECT " + ADMIN_COLUMNS + """
				FROM users
				WHERE (CAST(:pattern AS text) IS NULL
				       OR email_normalized LIKE :pattern ESCAPE '\\'
				       OR lower(display_name) LIKE :pattern ESCAPE '\\')
				  AND (CAST(:banned AS boolean) IS NULL
				       OR (banned AND (banned_until IS NULL OR banned_until > :now)) = :banned)
				  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
				ORDER BY created_at DESC, id DESC
				LIMIT :limit
				""")
			.param("pattern", pattern)
			.param("banned", banned)
			.param("afterAt", (after != null) ? Timestamp.from(after.createdAt()) : null)
			.param("afterId", (after != null) ? after.id() : null)
			.param("limit", limit)
			.param("now", Timestamp.from(now))
			.query(Users::adminUser)
			.list();
	}

	/**
	 * Bans or lifts a ban.
	 * @return the user as admins see them after the change, or empty if unknown
	 */
	Optional<AdminUser> setBan(UUID userId, boolean banned, String reason, Instant until, Instant now) {
		return this.jdbc.sql("""
				UPDATE users
				SET banned = :banned, ban_reason = :reason, banned_until = :until, updated_at = :now
				WHERE id = :id
				RETURNING
				""" + ADMIN_COLUMNS)
			.param("id", userId)
			.param("banned", banned)
			.param("reason", banned ? reason : null)
			.param("until", (banned && until != null) ? Timestamp.from(until) : null)
			.param("now", Timestamp.from(now))
			.query(Users::adminUser)
			.optional();
	}

	/**
	 * Gives the role ADMIN to the accounts with these (normalised) emails.
	 * @return the users promoted now (not those that were admins already)
	 */
	List<UUID> promote(Collection<String> emailsNormalized, Instant now) {
		if (emailsNormalized.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				UPDATE users SET role = 'ADMIN', updated_at = :now
				WHERE email_normalized IN (:emails) AND role <> 'ADMIN'
				RETURNING id
				""").param("emails", emailsNormalized).param("now", Timestamp.from(now)).query(UUID.class).list();
	}

	private static Credentials credentials(ResultSet rs, int row) throws SQLException {
		return new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"), rs.getBoolean("banned"),
				instant(rs, "banned_until"));
	}

	private static Profile.Settings settings(ResultSet rs) throws SQLException {
		return new Profile.Settings(rs.getString("timezone"), rs.getString("locale"), rs.getBoolean("notifications"),
				rs.getBoolean("leaderboard_visible"));
	}

	private static AdminUser adminUser(ResultSet rs, int row) throws SQLException {
		return new AdminUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("role"), rs.getBoolean("banned_now"), rs.getString("ban_reason"),
				instant(rs, "banned_until"), rs.getTimestamp("created_at").toInstant());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * An account about to be inserted.
	 */
	record NewUser(String email, String emailNormalized, String passwordHash, String displayName, String role,
			String referralCode) {

	}

	/**
	 * What login needs of an account.
	 */
	record Credentials(UUID id, String passwordHash, boolean banned, Instant bannedUntil) {

		boolean bannedAt(Instant now) {
			return this.banned && (this.bannedUntil == null || now.isBefore(this.bannedUntil));
		}

	}

	/**
	 * A change to an optional field: not given, or given (a {@code null} value empties
	 * it).
	 */
	record Change(boolean given, String value) {

		static final Change NONE = new Change(false, null);

	}

	/**
	 * A place in the admin list.
	 */
	record Position(Instant createdAt, UUID id) {

	}

}
