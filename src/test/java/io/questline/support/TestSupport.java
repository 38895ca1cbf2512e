package io.questline.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.questline.shared.security.AccessTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beans every integration test may inject: {@link MutableClock}, {@link Api},
 * {@link TestUsers}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	Api api(Environment environment, JsonMapper json) {
		return new Api(environment, json);
	}

	@Bean
	TestUsers testUsers(JdbcClient jdbc, AccessTokens tokens, MutableClock clock) {
		return new TestUsers(jdbc, tokens, clock);
	}

}
