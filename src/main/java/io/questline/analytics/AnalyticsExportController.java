package io.questline.analytics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.questline.shared.audit.AuditLog;
import io.questline.shared.security.AuthenticatedUser;
import io.questline.shared.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/analytics/export} (ADMIN): daily aggregates and ledger activity
 * of a range of UTC days, streamed as CSV or NDJSON.
 */
@RestController
class AnalyticsExportController {

	private static final Logger logger = LoggerFactory.getLogger(AnalyticsExportController.class);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private final LedgerExport export;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final AnalyticsProperties properties;

	AnalyticsExportController(LedgerExport export, AuditLog audit, TransactionTemplate transactions,
			AnalyticsProperties properties) {
		this.export = export;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
	}

	@GetMapping("/api/admin/analytics/export")
	void export(@AuthenticationPrincipal AuthenticatedUser admin, @RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
		LocalDate first = date("from", from);
		LocalDate last = date("to", to);
		ExportFormat exportFormat = format(format);
		if (first.isAfter(last)) {
			throw new InvalidRequestException("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) + 1 > this.properties.exportMaxDays()) {
			throw new ExportRangeTooLargeException(this.properties.exportMaxDays());
		}
		// A GET has no transaction of its own to share: the audit row commits on its own,
		// before the first byte, so an export is recorded even if the client stops
		// reading.
		this.transactions.executeWithoutResult((status) -> this.audit.record(admin.id(), "analytics.export",
				"ledger:" + first + ".." + last, null, "started", Map.of("format", exportFormat.extension())));
		response.setContentType(exportFormat.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"questline-" + first + "-" + last + "." + exportFormat.extension() + "\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		try {
			long records = this.export.write(first, last, exportFormat, out);
			logger.info("Export {}..{} ({}) by {}: {} records", first, last, exportFormat.extension(), admin.id(),
					records);
		}
		catch (UncheckedIOException ex) {
			logger.info("Export {}..{} by {} stopped: the client went away", first, last, admin.id());
		}
	}

	private static LocalDate date(String field, String value) {
		if (!DATE.matcher(value).matches()) {
			throw new InvalidRequestException(field, "must be a date as YYYY-MM-DD");
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(field, "must be a date as YYYY-MM-DD");
		}
	}

	private static ExportFormat format(String value) {
		if (value.equals("csv") || value.equals("ndjson")) {
			return ExportFormat.valueOf(value.toUpperCase(Locale.ROOT));
		}
		throw new InvalidRequestException("format", "must be csv or ndjson");
	}

}
