package dev.novasdk.core.http.apache;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import java.io.IOException;

/**
 * The default transport, on Apache HttpClient 5.
 */
public final class ApacheHttpTransport implements HttpTransport {
    private ApacheHttpTransport() {
    }

    /** A transport with default settings. */
    public static ApacheHttpTransport create() {
        return new ApacheHttpTransport();
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
