package io.questline.shared.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private final ClientAddress addresses = new ClientAddress(
			new SecurityProperties(null, "i", "a", java.time.Duration.ofMinutes(15), List.of(), List.of("10.0.0.1")));

	@Test
	void forwardedForIsIgnoredFromUntrustedPeers() {
		MockHttpServletRequest request = request("203.0.113.9", "1.2.3.4");
		assertThat(this.addresses.of(request)).isEqualTo("203.0.113.9");
	}

	@Test
	void theRightMostUntrustedHopIsTheClientBehindATrustedProxy() {
		MockHttpServletRequest request = request("10.0.0.1", "6.6.6.6, 198.51.100.7");
		assertThat(this.addresses.of(request)).isEqualTo("198.51.100.7");
	}

	@Test
	void aTrustedProxyWithoutForwardedForIsTheClient() {
		assertThat(this.addresses.of(request("10.0.0.1", null))).isEqualTo("10.0.0.1");
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

}
