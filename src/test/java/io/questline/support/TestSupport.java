package io.questline.support;

import java.util.Map;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.questline.shared.security.AccessTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Beans every integration test may inject: {@link MutableClock}, {@link Api},
 * {@link TestUsers}, {@link StripeStandIn}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	/**
	 * Starts the Stripe stand-in before any bean is made and points the Stripe client at
	 * it ({@code questline.checkout.api-base}), so the shared context needs no per-class
	 * configuration.
	 */
	@Bean
	static BeanFactoryPostProcessor stripeStandInStarter() {
		return (beanFactory) -> {
			ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableEnvironment.class);
			StripeStandIn standIn = StripeStandIn
				.start(environment.getRequiredProperty("questline.checkout.secret-key"));
			environment.getPropertySources()
				.addFirst(new MapPropertySource("stripeStandIn",
						Map.of("questline.checkout.api-base", standIn.baseUrl())));
			beanFactory.registerSingleton("stripeStandIn", standIn);
		};
	}

	@Bean
	Api api(Environment environment, JsonMapper json) {
		return new Api(environment, json);
	}

	@Bean
	TestHistory testHistory(JdbcClient jdbc) {
		return new TestHistory(jdbc);
	}

	@Bean
	TestUsers testUsers(JdbcClient jdbc, AccessTokens tokens, MutableClock clock) {
		return new TestUsers(jdbc, tokens, clock);
	}

}
