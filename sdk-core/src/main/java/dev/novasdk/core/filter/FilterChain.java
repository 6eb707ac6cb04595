package dev.novasdk.core.filter;

import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;

/**
 * The rest of the pipeline below a filter. Calling {@link #proceed} more than once sends the request again
 * (that is how retries and the re-authentication replay work).
 */
@FunctionalInterface
public interface FilterChain {
    /** Sends {@code request} through the remaining filters and the transport. */
    HttpResponse proceed(HttpRequest request) throws IOException;
}
