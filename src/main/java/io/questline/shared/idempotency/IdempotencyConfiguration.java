package io.questline.shared.idempotency;

import java.time.Clock;

import io.questline.shared.security.ClientAddress;
import io.questline.shared.web.ProblemWriter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The idempotency filter is placed inside the security chain, so the servlet container
 * must not register it a second time.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

	@Bean
	IdempotencyFilter idempotencyFilter(IdempotencyKeys keys, ClientAddress addresses, ProblemWriter problems,
			Clock clock) {
		return new IdempotencyFilter(keys, addresses, problems, clock);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

}
