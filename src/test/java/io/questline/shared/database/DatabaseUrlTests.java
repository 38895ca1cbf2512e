package io.questline.shared.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

	@Test
	void aNeonPoolerUrlBecomesPoolerSafeJdbcSettingsWithMigrationsOverTheDirectHost() {
		DatabaseUrl url = DatabaseUrl.parse(
				"postgresql://alex:AbC123%40x@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require",
				false);
		assertThat(url.pooled()).isTrue();
		assertThat(url.username()).isEqualTo("alex");
		assertThat(url.password()).isEqualTo("AbC123@x");
		assertThat(url.jdbcUrl()).isEqualTo(
				"jdbc:postgresql://ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require&prepareThreshold=0");
		assertThat(url.directJdbcUrl()).isEqualTo(
				"jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?sslmode=require&channel_binding=require");
	}

	@Test
	void aDirectUrlKeepsPreparedStatements() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@db.example.com:5433/app", false);
		assertThat(url.pooled()).isFalse();
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/app");
		assertThat(url.directJdbcUrl()).isEqualTo(url.jdbcUrl());
	}

	@Test
	void poolerModeCanBeForcedAndAnExplicitPrepareThresholdIsKept() {
		DatabaseUrl forced = DatabaseUrl.parse("postgresql://u:p@127.0.0.1:6432/app", true);
		assertThat(forced.pooled()).isTrue();
		assertThat(forced.jdbcUrl()).endsWith("?prepareThreshold=0");
		DatabaseUrl explicit = DatabaseUrl.parse("postgresql://u:p@h-pooler.x/app?prepareThreshold=5", false);
		assertThat(explicit.jdbcUrl()).endsWith("?prepareThreshold=5");
	}

	@Test
	void theStringFormNeverShowsThePassword() {
		DatabaseUrl url = DatabaseUrl.parse("postgresql://u:hunter2secret@h/app", false);
		assertThat(url.toString()).doesNotContain("hunter2secret");
	}

	@Test
	void badUrlsAreRefusedWithAReasonAndWithoutThePassword() {
		assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db", false))
			.isInstanceOf(InvalidDatabaseUrlException.class)
			.hasMessageContaining("scheme")
			.hasMessageNotContaining("topsecret");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:topsecret@h/", false))
			.hasMessageContaining("one database");
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db", false)).hasMessageContaining("no user");
		assertThatThrownBy(() -> DatabaseUrl.parse("not a url at all", false))
			.isInstanceOf(InvalidDatabaseUrlException.class);
		assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:p@h/db?socketFactory=x;y", false))
			.hasMessageContaining("socketFactory");
	}

}
