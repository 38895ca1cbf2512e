package io.questline.users;

import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only facts about users for other features: names, timezones, leaderboard
 * visibility.
 */
@Service
public class UserDirectory {

	private final JdbcClient jdbc;

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<UserSummary> find(UUID userId) {
		return this.jdbc.sql("""
				SELECT id, display_name, timezone, leaderboard_visible, created_at FROM users WHERE id = :id
				""").param("id", userId).query(UserDirectory::summary).optional();
	}

	/**
	 * The timezone of a user, UTC if unknown.
	 */
	public ZoneId zoneOf(UUID userId) {
		return find(userId).map(UserSummary::zone).orElse(ZoneId.of("UTC"));
	}

	public Map<UUID, UserSummary> findAll(Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Map.of();
		}
		List<UserSummary> rows = this.jdbc.sql("""
				SELECT id, display_name, timezone, leaderboard_visible, created_at FROM users WHERE id IN (:ids)
				""").param("ids", userIds).query(UserDirectory::summary).list();
		Map<UUID, UserSummary> byId = new LinkedHashMap<>();
		rows.forEach((row) -> byId.put(row.id(), row));
		return byId;
	}

	public boolean exists(UUID userId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
			.param("id", userId)
			.query(Boolean.class)
			.single();
	}

	private static UserSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new UserSummary(rs.getObject("id", UUID.class), rs.getString("display_name"),
				ZoneId.of(rs.getString("timezone")), rs.getBoolean("leaderboard_visible"),
				rs.getTimestamp("created_at").toInstant());
	}

}
