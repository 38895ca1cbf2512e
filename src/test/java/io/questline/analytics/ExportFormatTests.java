package io.questline.analytics;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ExportFormatTests {

	@Test
	void csvQuotesOnlyWhatNeedsIt() throws IOException {
		assertThat(csv("plain")).isEqualTo("plain");
		assertThat(csv("")).isEqualTo("");
		assertThat(csv("a,b")).isEqualTo("\"a,b\"");
		assertThat(csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(csv("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		assertThat(csv("line\nfeed")).isEqualTo("\"line\nfeed\"");
	}

	@Test
	void csvRowsEndInCrlfAndLeaveMissingFieldsEmpty() throws IOException {
		StringWriter out = new StringWriter();
		ExportFormat.CSV.header(out, List.of("a", "b", "c"));
		ExportFormat.CSV.row(out, List.of("a", "b", "c"), new Object[] { "x,y", null, 3L });
		assertThat(out.toString()).isEqualTo("a,b,c\r\n\"x,y\",,3\r\n");
	}

	@Test
	void ndjsonWritesOneValidObjectPerLineWithOnlyPresentFields() throws IOException {
		StringWriter out = new StringWriter();
		List<String> columns = List.of("text", "missing", "number");
		ExportFormat.NDJSON.header(out, columns);
		ExportFormat.NDJSON.row(out, columns, new Object[] { "q\"\\\n\t\u0001\u2028é", null, -42L });
		ExportFormat.NDJSON.row(out, columns, new Object[] { "second", null, null });
		String[] lines = out.toString().split("\n", -1);
		assertThat(lines).hasSize(3);
		assertThat(lines[2]).isEmpty();
		JsonNode first = JsonMapper.shared().readTree(lines[0]);
		assertThat(first.get("text").asString()).isEqualTo("q\"\\\n\t\u0001\u2028é");
		assertThat(first.has("missing")).isFalse();
		assertThat(first.get("number").isNumber()).isTrue();
		assertThat(first.get("number").asLong()).isEqualTo(-42);
		assertThat(JsonMapper.shared().readTree(lines[1]).size()).isEqualTo(1);
	}

	private static String csv(String value) throws IOException {
		StringWriter out = new StringWriter();
		ExportFormat.writeCsvField(out, value);
		return out.toString();
	}

}
