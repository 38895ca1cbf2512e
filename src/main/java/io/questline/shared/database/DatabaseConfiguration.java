package io.questline.shared.database;

import java.io.IOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One connection pool, to Neon (or any PostgreSQL) when {@code DATABASE_URL} is set, and
 * to an embedded PostgreSQL under {@code ./data} otherwise. Timeouts are always set, and
 * behind a transaction pooler nothing relies on session state.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseUrl databaseUrl(DatabaseProperties properties, EmbeddedDatabase embedded) {
		if (properties.embedded()) {
			EmbeddedPostgres postgres = embedded.start(properties);
			String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
			return new DatabaseUrl(jdbcUrl, jdbcUrl, "postgres", null, false);
		}
		DatabaseUrl url = DatabaseUrl.parse(properties.url(), properties.forcePooled());
		if (properties.migrationUrl() != null && !properties.migrationUrl().isBlank()) {
			DatabaseUrl migration = DatabaseUrl.parse(properties.migrationUrl(), false);
			url = new DatabaseUrl(url.jdbcUrl(), migration.directJdbcUrl(), url.username(), url.password(),
					url.pooled());
		}
		logger.info("Database: {} (pooler-safe settings: {})", url.jdbcUrl(), url.pooled());
		return url;
	}

	@Bean
	EmbeddedDatabase embeddedPostgres() {
		return new EmbeddedDatabase();
	}

	@Bean
	HikariDataSource dataSource(DatabaseUrl url, DatabaseProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("questline");
		config.setJdbcUrl(url.jdbcUrl());
		config.setUsername(url.username());
		config.setPassword(url.password());
		config.setMaximumPoolSize(properties.poolSize());
		config.setMinimumIdle(Math.min(2, properties.poolSize()));
		config.setConnectionTimeout(properties.connectTimeout().toMillis() + 5_000);
		long connectSeconds = Math.max(1, properties.connectTimeout().toSeconds());
		config.addDataSourceProperty("connectTimeout", connectSeconds);
		config.addDataSourceProperty("loginTimeout", connectSeconds);
		config.addDataSourceProperty("socketTimeout", Math.max(1, properties.socketTimeout().toSeconds()));
		config.addDataSourceProperty("ApplicationName", "questline");
		// Neon closes idle connections after a while; recycle before it does.
		config.setMaxLifetime(240_000);
		config.setIdleTimeout(120_000);
		config.setKeepaliveTime(60_000);
		return new HikariDataSource(config);
	}

	@Bean
	FlywayConfigurationCustomizer migrationsOverDirectHost(DatabaseUrl url, DatabaseProperties properties) {
		return (configuration) -> {
			if (!url.directJdbcUrl().equals(url.jdbcUrl())) {
				String separator = url.directJdbcUrl().contains("?") ? "&" : "?";
				long connectSeconds = Math.max(1, properties.connectTimeout().toSeconds());
				configuration.dataSource(url.directJdbcUrl() + separator + "connectTimeout=" + connectSeconds
						+ "&loginTimeout=" + connectSeconds, url.username(), url.password());
			}
		};
	}

	/**
	 * Owns the embedded PostgreSQL so that it stops with the application context.
	 */
	static class EmbeddedDatabase implements AutoCloseable {

		private EmbeddedPostgres postgres;

		synchronized EmbeddedPostgres start(DatabaseProperties properties) {
			if (this.postgres == null) {
				try {
					Files.createDirectories(properties.dataDirectory());
					this.postgres = EmbeddedPostgres.builder()
						.setDataDirectory(properties.dataDirectory())
						.setCleanDataDirectory(properties.cleanDataDirectory())
						.start();
				}
				catch (IOException ex) {
					throw new IllegalStateException("Could not start the embedded PostgreSQL in "
							+ properties.dataDirectory().toAbsolutePath() + ": " + ex.getMessage(), ex);
				}
				logger.info("No DATABASE_URL set: embedded PostgreSQL on port {}, data in {}", this.postgres.getPort(),
						properties.dataDirectory().toAbsolutePath().normalize());
			}
			return this.postgres;
		}

		@Override
		public synchronized void close() throws IOException {
			if (this.postgres != null) {
				this.postgres.close();
				this.postgres = null;
			}
		}

	}

}
