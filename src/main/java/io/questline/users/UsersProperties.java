package io.questline.users;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param adminEmails {@code ADMIN_EMAILS}: accounts with these emails hold the role ADMIN
 * @param refreshTokenTtl how long a refresh token lives
 */
@ConfigurationProperties("questline.users")
record UsersProperties(@DefaultValue List<String> adminEmails, @DefaultValue("30d") Duration refreshTokenTtl) {

	/**
	 * The admin emails, normalised as account emails are.
	 */
	Set<String> normalizedAdminEmails() {
		return this.adminEmails.stream()
			.map(UsersProperties::normalize)
			.filter((email) -> !email.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
