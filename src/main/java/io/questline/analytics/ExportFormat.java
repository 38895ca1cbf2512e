package io.questline.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * How an export is written: RFC 4180 CSV (one header line, CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break) or NDJSON (one JSON object per line,
 * LF, only the fields a record has).
 */
enum ExportFormat {

	CSV("text/csv; charset=utf-8", "csv") {

		@Override
		void header(Writer out, List<String> columns) throws IOException {
			for (int i = 0; i < columns.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				writeCsvField(out, columns.get(i));
			}
			out.write("\r\n");
		}

		@Override
		void row(Writer out, List<String> columns, Object[] values) throws IOException {
			for (int i = 0; i < columns.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				if (values[i] != null) {
					writeCsvField(out, values[i].toString());
				}
			}
			out.write("\r\n");
		}

	},

	NDJSON("application/x-ndjson", "ndjson") {

		@Override
		void header(Writer out, List<String> columns) {
		}

		@Override
		void row(Writer out, List<String> columns, Object[] values) throws IOException {
			out.write('{');
			boolean first = true;
			for (int i = 0; i < columns.size(); i++) {
				if (values[i] == null) {
					continue;
				}
				if (!first) {
					out.write(',');
				}
				first = false;
				writeJsonString(out, columns.get(i));
				out.write(':');
				if (values[i] instanceof Number) {
					out.write(values[i].toString());
				}
				else {
					writeJsonString(out, values[i].toString());
				}
			}
			out.write("}\n");
		}

	};

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	abstract void header(Writer out, List<String> columns) throws IOException;

	/**
	 * Writes one record; {@code values} line up with {@code columns}, {@code null} for a
	 * field the record does not have.
	 */
	abstract void row(Writer out, List<String> columns, Object[] values) throws IOException;

	static void writeCsvField(Writer out, String value) throws IOException {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\r' || c == '\n';
		}
		if (!quote) {
			out.write(value);
			return;
		}
		out.write('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				out.write('"');
			}
			out.write(c);
		}
		out.write('"');
	}

	static void writeJsonString(Writer out, String value) throws IOException {
		out.write('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '\\') {
				out.write('\\');
				out.write(c);
			}
			else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
				out.write(String.format("\\u%04x", (int) c));
			}
			else {
				out.write(c);
			}
		}
		out.write('"');
	}

}
