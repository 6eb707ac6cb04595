package dev.novasdk.compute.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a flavor's {@code swap} in MiB. Below microversion 2.75 nova sends the empty string for a flavor
 * without swap, and from 2.75 on the integer {@code 0}; both read as {@code 0}. Not API.
 */
public final class SwapDeserializer extends StdScalarDeserializer<Integer> {
    private static final long serialVersionUID = 1L;

    /** Used by Jackson through {@code @JsonDeserialize(contentUsing = ...)}. */
    public SwapDeserializer() {
        super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return p.getIntValue();
        }
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return 0;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                return (Integer) ctxt.handleWeirdStringValue(Integer.class, text, "not a swap size in MiB");
            }
        }
        return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
    }
}
