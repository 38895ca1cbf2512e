package io.questline.users;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code ADMIN_EMAILS}: at start-up, existing accounts with one of these emails get the
 * role ADMIN (registration gives it to new ones). Running it again changes nothing.
 */
@Component
class AdminEmails {

	private static final Logger logger = LoggerFactory.getLogger(AdminEmails.class);

	private final Users users;

	private final UsersProperties properties;

	private final UserAuthenticationConverter authentications;

	private final Clock clock;

	AdminEmails(Users users, UsersProperties properties, UserAuthenticationConverter authentications, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.authentications = authentications;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void promoteConfigured() {
		promote(this.properties.normalizedAdminEmails());
	}

	/**
	 * Gives the role ADMIN to the accounts with these normalised emails.
	 * @return the users promoted now
	 */
	List<UUID> promote(Collection<String> emailsNormalized) {
		// One statement, committed on its own: the cache is evicted after the commit.
		List<UUID> promoted = this.users.promote(emailsNormalized, this.clock.instant());
		promoted.forEach(this.authentications::evict);
		if (!promoted.isEmpty()) {
			logger.info("ADMIN_EMAILS: promoted {} account(s) to ADMIN", promoted.size());
		}
		return promoted;
	}

}
