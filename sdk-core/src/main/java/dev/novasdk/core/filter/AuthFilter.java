package dev.novasdk.core.filter;

import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;

/**
 * Sets {@code X-Auth-Token}; on a 401 refreshes the token once (single-flight) and replays a repeatable
 * request once.
 */
public final class AuthFilter implements Filter {
    private final TokenProvider tokens;

    private AuthFilter(TokenProvider tokens) {
        this.tokens = tokens;
    }

    /** A filter taking tokens from {@code tokens}. */
    public static AuthFilter of(TokenProvider tokens) {
        return new AuthFilter(java.util.Objects.requireNonNull(tokens, "tokenProvider"));
    }

    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        throw new UnsupportedOperationException("stub");
    }
}
