package io.questline.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A keyset position in a list ordered by a sort key then an id, opaque to clients.
 *
 * @param sortKey the sort key of the last item seen (an instant, a number or a text)
 * @param id the id of the last item seen, to break ties
 */
public record Cursor(String sortKey, String id) {

	/** Page size when the client gives none. */
	public static final int DEFAULT_LIMIT = 20;

	/** Largest page size a client may ask for. */
	public static final int MAX_LIMIT = 100;

	public static Cursor after(Instant instant, Object id) {
		return new Cursor(instant.toString(), String.valueOf(id));
	}

	public String encode() {
		String raw = this.sortKey + "\n" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	public Instant instant() {
		try {
			return Instant.parse(this.sortKey);
		}
		catch (RuntimeException ex) {
			throw invalid();
		}
	}

	public long longId() {
		try {
			return Long.parseLong(this.id);
		}
		catch (NumberFormatException ex) {
			throw invalid();
		}
	}

	/**
	 * Reads a cursor a client sent back.
	 * @param encoded the cursor, or {@code null} for the first page
	 * @return the cursor, or {@code null} for the first page
	 * @throws InvalidRequestException when it is not one of ours
	 */
	public static Cursor decode(String encoded) {
		if (encoded == null || encoded.isEmpty()) {
			return null;
		}
		try {
			if (encoded.length() > 200) {
				throw invalid();
			}
			String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			int newline = raw.indexOf('\n');
			if (newline < 0) {
				throw invalid();
			}
			return new Cursor(raw.substring(0, newline), raw.substring(newline + 1));
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/**
	 * Checks a page size a client asked for.
	 * @param limit the {@code limit} query parameter, or {@code null}
	 * @return the page size to use
	 */
	public static int limit(Integer limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	private static InvalidRequestException invalid() {
		return new InvalidRequestException("cursor", "is not a cursor this server gave out");
	}

}
