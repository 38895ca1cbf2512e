package io.questline.shared.database;

import io.questline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves which database the suite ran on: the embedded PostgreSQL by default, or, in the
 * PgBouncer run of CI ({@code scripts/test-behind-pgbouncer.sh}), the pooler with
 * transaction-safe settings and migrations applied over the direct port.
 */
@IntegrationTest
class DatabaseModeTests {

	@Autowired
	DatabaseUrl url;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSuiteRunsOnTheDatabaseTheEnvironmentNames() {
		String configured = System.getenv("DATABASE_URL");
		if (configured == null || configured.isBlank()) {
			assertThat(this.url.pooled()).isFalse();
			assertThat(this.url.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
		}
		else {
			DatabaseUrl expected = DatabaseUrl.parse(configured,
					"transaction".equals(System.getenv("DATABASE_POOLER")));
			assertThat(this.url.jdbcUrl()).isEqualTo(expected.jdbcUrl());
			if (expected.pooled()) {
				assertThat(this.url.jdbcUrl()).contains("prepareThreshold=0");
				assertThat(this.url.directJdbcUrl()).isNotEqualTo(this.url.jdbcUrl());
			}
		}
		Integer applied = this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
			.query(Integer.class)
			.single();
		assertThat(applied).isPositive();
	}

}
