package io.questline.analytics;

import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.web.InvalidRequestException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics/dashboard} and {@code GET /api/analytics/performance}.
 */
@RestController
class AnalyticsController {

	private final AnalyticsReports reports;

	private final AnalyticsProperties properties;

	AnalyticsController(AnalyticsReports reports, AnalyticsProperties properties) {
		this.reports = reports;
		this.properties = properties;
	}

	@GetMapping("/api/analytics/dashboard")
	AnalyticsReports.Dashboard dashboard(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.reports.dashboard(user.id());
	}

	@GetMapping("/api/analytics/performance")
	AnalyticsReports.Performance performance(@AuthenticationPrincipal AuthenticatedUser user,
			@RequestParam(required = false) Integer days) {
		int length = (days != null) ? days : this.properties.performanceDefaultDays();
		if (length < 1 || length > this.properties.performanceMaxDays()) {
			throw new InvalidRequestException("days", "must be between 1 and " + this.properties.performanceMaxDays());
		}
		return this.reports.performance(user.id(), length);
	}

}
