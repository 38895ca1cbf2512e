package io.questline.checkout;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.questline.shared.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without the Stripe keys every payment operation answers 503 PAYMENTS_NOT_CONFIGURED,
 * before it touches the database or Stripe (the collaborators here are absent on purpose:
 * reaching one would fail differently).
 */
class CheckoutNotConfiguredTests {

	private static final Clock clock = Clock.systemUTC();

	@Test
	void everyPaymentOperationAnswers503WithoutKeys() {
		CheckoutProperties blank = properties("", "", "");
		StripeGateway stripe = new StripeGateway(blank, clock);
		Checkout checkout = new Checkout(null, stripe, null, null, blank, clock);
		PaymentRefunds refunds = new PaymentRefunds(null, stripe, null, null, null);
		StripeWebhookController webhook = new StripeWebhookController(stripe, null);
		assertNotConfigured(() -> checkout.create(UUID.randomUUID(), "coins_1000", "key"));
		assertNotConfigured(() -> checkout.verify(UUID.randomUUID(), UUID.randomUUID()));
		assertNotConfigured(() -> refunds.refund(UUID.randomUUID(), UUID.randomUUID(), null, null));
		assertNotConfigured(() -> webhook.receive(new MockHttpServletRequest(), "t=1,v1=00"));
	}

	@Test
	void oneMissingKeyIsEnoughToTurnPaymentsOff() {
		assertThat(properties("sk_test_fake", "pk_test_fake", "").configured()).isFalse();
		assertThat(properties("sk_test_fake", "", "whsec_fake_test").configured()).isFalse();
		assertThat(properties("", "pk_test_fake", "whsec_fake_test").configured()).isFalse();
		assertThat(properties("sk_test_fake", "pk_test_fake", "whsec_fake_test").configured()).isTrue();
	}

	@Test
	void thePropertiesNeverPrintTheirKeys() {
		String printed = properties("sk_test_fake", "pk_test_fake", "whsec_fake_test").toString();
		assertThat(printed).doesNotContain("sk_test_fake")
			.doesNotContain("whsec_fake_test")
			.contains("configured=true");
	}

	private static void assertNotConfigured(Executable call) {
		assertThatThrownBy(call::execute).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(ex.code()).isEqualTo("PAYMENTS_NOT_CONFIGURED");
		});
	}

	private static CheckoutProperties properties(String secret, String publishable, String webhook) {
		return new CheckoutProperties(secret, publishable, webhook, null, Duration.ofSeconds(5), Duration.ofSeconds(20),
				2, Duration.ofSeconds(300),
				Map.of("coins_1000", new CheckoutProperties.Product(999, "usd", 1000, 0, 0, null)));
	}

}
