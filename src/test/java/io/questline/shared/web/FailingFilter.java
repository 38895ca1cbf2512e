package io.questline.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Test-only: fails inside the filter chain, before Spring MVC, when a request asks it to,
 * so tests can see what a client gets from an error raised in a filter.
 */
@Component
class FailingFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader("X-Test-Fail-In-Filter") != null) {
			throw new IllegalStateException("jdbc:postgresql://db/secret failed in a filter");
		}
		chain.doFilter(request, response);
	}

}
