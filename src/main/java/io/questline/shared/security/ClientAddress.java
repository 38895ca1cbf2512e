package io.questline.shared.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The address of the client, taking {@code X-Forwarded-For} into account only when the
 * direct peer is a configured trusted proxy (otherwise any client could pick its own
 * rate-limit key).
 */
@Component
public class ClientAddress {

	private final Set<String> trustedProxies;

	ClientAddress(SecurityProperties properties) {
		this.trustedProxies = Set.copyOf(properties.trustedProxies());
	}

	public String of(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (!this.trustedProxies.contains(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank()) {
			return peer;
		}
		// The right-most address not added by one of our proxies is the client.
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].trim();
			if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
				return (hop.length() > 64) ? hop.substring(0, 64) : hop;
			}
		}
		return peer;
	}

}
