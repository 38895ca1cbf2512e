package io.questline.shared.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Chooses where buckets live: Redis when {@code REDIS_URL} is set (several instances
 * share limits), this JVM otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitStoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RateLimitStoreConfiguration.class);

	@Bean
	InProcessRateLimitStore inProcessRateLimitStore() {
		return new InProcessRateLimitStore();
	}

	@Bean
	@Primary
	RateLimitStore rateLimitStore(RateLimitProperties properties, InProcessRateLimitStore inProcess) {
		if (properties.redisUrl() == null || properties.redisUrl().isBlank()) {
			return inProcess;
		}
		logger.info("Rate limits shared through Redis");
		return new RedisRateLimitStore(properties.redisUrl(), inProcess);
	}

}
