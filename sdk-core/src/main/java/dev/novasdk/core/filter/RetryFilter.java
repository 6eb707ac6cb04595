package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.waiter.Sleeper;
import java.io.IOException;
import java.time.Clock;

/**
 * Retries by the rules of the SDK (see the class body).
 */
public final class RetryFilter implements Filter {
    private RetryFilter() {
    }

    /** A filter with {@code policy}, sleeping with {@code sleeper}, reading HTTP dates against {@code clock}. */
    public static RetryFilter of(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        return new RetryFilter();
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
