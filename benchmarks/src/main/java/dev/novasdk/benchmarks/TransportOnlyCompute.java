package dev.novasdk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.net.URI;

/**
 * A diagnostic between the two sides: the SDK's {@link ApacheHttpTransport} alone, sending a request prepared
 * once with the headers the pipeline would add, and Jackson binding the envelope as the hand-written code does.
 * Its cost over {@link HandWrittenCompute} is the transport (message translation, HttpClient settings); the
 * SDK's cost over it is the pipeline (URL building, filters, codec, error mapping). Thread-safe.
 */
final class TransportOnlyCompute implements AutoCloseable {
    private final HttpTransport transport = ApacheHttpTransport.create();
    private final ObjectMapper mapper = JsonCodec.defaultMapper();
    private final HttpRequest getServer;

    TransportOnlyCompute(URI endpoint, String token, String microversion, String userAgent) {
        this.getServer = HttpRequest.get(URI.create(endpoint + "/servers/" + Fixtures.SERVER_ID)).toBuilder()
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .header("OpenStack-API-Version", "compute " + microversion)
                .header("X-OpenStack-Nova-API-Version", microversion)
                .header("X-Auth-Token", token)
                .build();
    }

    /** {@code GET /servers/}{@value Fixtures#SERVER_ID} through the transport, into the SDK's model. */
    Server server() throws IOException {
        HttpResponse response = transport.execute(getServer);
        if (response.statusCode() != 200) {
            throw new IOException("unexpected status " + response.statusCode());
        }
        return mapper.readValue(response.body(), HandWrittenCompute.ServerEnvelope.class)
                .server();
    }

    @Override
    public void close() {
        transport.close();
    }
}
