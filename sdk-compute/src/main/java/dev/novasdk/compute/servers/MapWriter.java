package dev.novasdk.compute.servers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * A request encoding written as a document of maps and values, for bodies whose JSON needs explicit nulls or
 * values of two types ({@code "block_migration": "auto"} or a boolean), which annotations cannot say.
 */
abstract class MapWriter<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;

    MapWriter(Class<T> type) {
        super(type);
    }

    /** The whole request document. */
    abstract Object document(T value);

    @Override
    public final void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        write(document(value), gen, provider);
    }

    // Maps of the document are written here because the SDK's mapper leaves null map values out, and these
    // nulls are meant ("key_name": null removes the key pair). Other values go to Jackson.
    private static void write(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                gen.writeFieldName(String.valueOf(e.getKey()));
                write(e.getValue(), gen, provider);
            }
            gen.writeEndObject();
        } else {
            provider.defaultSerializeValue(value, gen);
        }
    }
}
