package dev.novasdk.core.filter;

import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Sends {@code X-Auth-Token} from a {@link TokenProvider}, and recovers from a token the service no longer
 * accepts (revoked, or expired earlier than it said): on a 401 it asks the provider to
 * {@linkplain TokenProvider#refresh refresh} the token it used and replays the request once with the new
 * one. A request whose body is not repeatable is not replayed. A second 401 is returned as it is, so bad
 * credentials end in an {@link dev.novasdk.core.error.AuthenticationException} instead of a loop.
 *
 * <p>Runs per attempt, below {@link RetryFilter}, so each retry uses the current token. Thread-safe; the
 * provider makes concurrent refreshes of one token cost a single authentication.
 */
public final class AuthFilter implements Filter {
    static final String HEADER = "X-Auth-Token";

    private final TokenProvider tokens;

    private AuthFilter(TokenProvider tokens) {
        this.tokens = tokens;
    }

    /** A filter taking tokens from {@code tokens}. */
    public static AuthFilter of(TokenProvider tokens) {
        return new AuthFilter(Objects.requireNonNull(tokens, "tokenProvider"));
    }

    /**
     * Sends the request with the current token, replaying it once after a 401 as described above.
     *
     * @throws dev.novasdk.core.error.OpenStackException when the provider fails to authenticate
     */
    @Override
    public HttpResponse filter(HttpRequest request, FilterChain next) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(next, "next");
        AuthToken used = Objects.requireNonNull(tokens.token(), "tokenProvider returned no token");
        HttpResponse response = next.proceed(request.withHeader(HEADER, used.id()));
        if (response.statusCode() != 401 || !request.repeatable()) {
            return response;
        }
        AuthToken fresh = Objects.requireNonNull(tokens.refresh(used), "tokenProvider returned no token");
        // The 401 response is dropped: its body is a byte array, so there is nothing to release.
        return next.proceed(request.withHeader(HEADER, fresh.id()));
    }
}
