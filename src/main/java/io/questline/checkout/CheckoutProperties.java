package io.questline.checkout;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Stripe settings and the catalog of paid products. The keys come from the environment
 * only; {@link #toString()} never shows them.
 *
 * @param secretKey {@code STRIPE_SECRET_KEY}; blank means payments are not configured
 * @param publishableKey {@code STRIPE_PUBLISHABLE_KEY}, the one key a client receives
 * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}, checks webhook signatures
 * @param apiBase {@code STRIPE_API_BASE}, blank for Stripe's own API
 * @param connectTimeout connect timeout of calls to Stripe
 * @param readTimeout read timeout of calls to Stripe
 * @param maxNetworkRetries retries of a failed call (stripe-java backs off between them)
 * @param webhookTolerance how old a webhook signature may be
 * @param products the catalog by product code
 */
@ConfigurationProperties("questline.checkout")
record CheckoutProperties(String secretKey, String publishableKey, String webhookSecret, String apiBase,
		Duration connectTimeout, Duration readTimeout, int maxNetworkRetries, Duration webhookTolerance,
		Map<String, Product> products) {

	CheckoutProperties {
		products = (products != null) ? Map.copyOf(products) : Map.of();
	}

	boolean configured() {
		return StringUtils.hasText(this.secretKey) && StringUtils.hasText(this.publishableKey)
				&& StringUtils.hasText(this.webhookSecret);
	}

	Optional<Product> product(String code) {
		return Optional.ofNullable(this.products.get(code));
	}

	@Override
	public String toString() {
		return "CheckoutProperties[configured=" + configured() + ", apiBase=" + this.apiBase + ", products="
				+ this.products.keySet() + "]";
	}

	/**
	 * A paid product: its price and what it grants.
	 *
	 * @param amount price in minor units of the currency
	 * @param currency ISO currency, lower case as Stripe writes it
	 * @param coins whole coins granted
	 * @param freezes streak freezes granted
	 * @param boostFactor mining multiplier granted, 0 for none
	 * @param boostDuration how long the boost lasts
	 */
	record Product(long amount, String currency, long coins, int freezes, int boostFactor, Duration boostDuration) {

		long millicoins() {
			return Math.multiplyExact(this.coins, 1000L);
		}

		boolean boosts() {
			return this.boostFactor > 1 && this.boostDuration != null && !this.boostDuration.isZero();
		}

	}

}
