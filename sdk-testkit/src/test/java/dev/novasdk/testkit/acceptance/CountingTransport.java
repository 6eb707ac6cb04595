package dev.novasdk.testkit.acceptance;

import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The default transport, counting Keystone authentications and server creations on the wire. */
final class CountingTransport implements HttpTransport {
    private final HttpTransport delegate = ApacheHttpTransport.create();
    private final AtomicInteger authentications = new AtomicInteger();
    private final AtomicInteger creates = new AtomicInteger();

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        HttpResponse response = delegate.execute(request);
        String path = request.uri().getPath();
        if (request.method() == HttpMethod.POST && path.endsWith("/auth/tokens") && response.statusCode() == 201) {
            authentications.incrementAndGet();
        }
        if (request.method() == HttpMethod.POST && path.endsWith("/servers")) {
            creates.incrementAndGet();
        }
        return response;
    }

    int authentications() {
        return authentications.get();
    }

    int creates() {
        return creates.get();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
