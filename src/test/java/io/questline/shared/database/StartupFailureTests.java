package io.questline.shared.database;

import io.questline.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	@Test
	void aBadDatabaseUrlStopsStartUpWithOneClearLineAndNoStackTrace(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.SERVLET)
			.run("--questline.database.url=mysql://admin:topsecret@db.example.com/app", "--server.port=0"))
			.hasRootCauseInstanceOf(InvalidDatabaseUrlException.class);
		assertThat(output).contains("DATABASE_URL is not a usable PostgreSQL URL: the scheme must be postgresql://");
		assertThat(output).doesNotContain("topsecret");
		assertThat(output.toString().lines().filter((line) -> line.startsWith("\tat "))).isEmpty();
	}

}
