package dev.novasdk.compute.servers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a server's {@code image}: an object with the id and links, or the empty string nova sends for a
 * server booted from a volume, which reads as no image.
 */
final class ServerImageDeserializer extends StdDeserializer<ServerImage> {
    private static final long serialVersionUID = 1L;

    ServerImageDeserializer() {
        super(ServerImage.class);
    }

    @Override
    public ServerImage deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            String id = p.getText().trim();
            // Nothing sends a bare id today, but reading one as a reference beats failing the whole server.
            return id.isEmpty() ? null : ServerImage.builder().id(id).build();
        }
        return ctxt.readValue(p, ServerImage.class);
    }
}
