package io.questline.users;

import io.questline.support.Api;
import io.questline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class UsersApiDocsTests {

	@Autowired
	Api api;

	@Test
	void theOpenApiDocumentShowsTheAccountEndpointsWithTheirErrors() {
		Api.Response response = this.api.get("/v3/api-docs").send();
		assertThat(response.status()).isEqualTo(200);
		JsonNode paths = response.json().get("paths");
		assertThat(paths.has("/api/auth/register")).isTrue();
		assertThat(paths.has("/api/auth/login")).isTrue();
		assertThat(paths.has("/api/auth/refresh")).isTrue();
		assertThat(paths.has("/api/auth/logout")).isTrue();
		assertThat(paths.has("/api/user/profile")).isTrue();
		assertThat(paths.has("/api/user/profile/update")).isTrue();
		assertThat(paths.has("/api/user/settings/update")).isTrue();
		assertThat(paths.has("/api/admin/users/list")).isTrue();
		assertThat(paths.has("/api/admin/users/ban")).isTrue();
		JsonNode register = paths.get("/api/auth/register").get("post").get("responses");
		assertThat(register.has("201")).isTrue();
		assertThat(register.get("409").get("description").asString()).contains("EMAIL_TAKEN");
		assertThat(register.get("409").get("content").has("application/problem+json")).isTrue();
		assertThat(paths.get("/api/auth/login").get("post").get("responses").get("401").get("description").asString())
			.contains("INVALID_CREDENTIALS");
		assertThat(
				paths.get("/api/admin/users/ban").get("post").get("responses").get("422").get("description").asString())
			.contains("CANNOT_BAN_SELF");
		assertThat(response.json().get("components").get("schemas").has("Problem")).isTrue();
	}

}
