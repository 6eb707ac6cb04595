package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;

/**
 * One step of the request pipeline. A filter may derive a new request, call {@code next} zero or more
 * times, and return a response. Filters return responses of any status and never throw because of one;
 * statuses become exceptions once, after the chain. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Filter {
    /** Handles {@code request}, usually by passing it (or a derived request) to {@code next}. */
    HttpResponse filter(HttpRequest request, FilterChain next) throws IOException;
}
