package io.questline.tasks;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * An instant only from an ISO-8601 string ({@code 2030-01-01T00:00:00Z}). The default
 * deserializer also takes a bare number as epoch seconds, which would let a typo in a
 * schedule become a date in 1970.
 */
class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

	IsoInstantDeserializer() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			return (Instant) context.handleUnexpectedToken(Instant.class, parser);
		}
		String text = parser.getString();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw context.weirdStringException(text, Instant.class, "is not an ISO-8601 instant");
		}
	}

}
