package io.questline.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings, bound from the environment through {@code application.yml}.
 *
 * @param url {@code DATABASE_URL}; blank means the embedded PostgreSQL
 * @param migrationUrl {@code DATABASE_MIGRATION_URL}; where Flyway runs when set
 * @param pooler {@code DATABASE_POOLER}; {@code transaction} forces pooler-safe settings
 * @param poolSize the most connections the pool holds
 * @param connectTimeout how long to wait for a connection (a Neon compute may be waking)
 * @param socketTimeout how long a statement may wait on the socket
 * @param dataDirectory where the embedded PostgreSQL keeps its data
 * @param cleanDataDirectory whether the embedded data is wiped on start and stop (tests)
 */
@ConfigurationProperties("questline.database")
public record DatabaseProperties(String url, String migrationUrl, String pooler, @DefaultValue("8") int poolSize,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration socketTimeout,
		@DefaultValue("./data/postgres") Path dataDirectory, @DefaultValue("false") boolean cleanDataDirectory) {

	boolean embedded() {
		return this.url == null || this.url.isBlank();
	}

	boolean forcePooled() {
		return "transaction".equalsIgnoreCase(this.pooler);
	}

}
