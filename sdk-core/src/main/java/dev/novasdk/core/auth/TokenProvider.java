package dev.novasdk.core.auth;

/**
 * Supplies tokens to {@link dev.novasdk.core.filter.AuthFilter}. Implementations are thread-safe and
 * single-flight: however many threads ask at once, at most one authentication request is in progress.
 * The identity module's {@code Session} is the usual implementation.
 */
public interface TokenProvider {
    /**
     * A token that is not expired and not about to expire, authenticating first when there is none.
     *
     * @throws dev.novasdk.core.error.OpenStackException when authentication fails
     */
    AuthToken token();

    /**
     * Re-authenticates because the service refused {@code staleToken} (401), unless another thread already
     * replaced it; in that case the newer token is returned without a request.
     *
     * @throws dev.novasdk.core.error.OpenStackException when authentication fails
     */
    AuthToken refresh(AuthToken staleToken);

    /**
     * The token {@link #token()} would return, when it can be had without a request and without waiting for
     * another thread; empty otherwise. The async pipeline calls it on its fast path, so it must not block. The
     * default is empty, which sends every async call through {@link AsyncTokens}' authentication flight.
     */
    default java.util.Optional<AuthToken> cachedToken() {
        return java.util.Optional.empty();
    }

    /**
     * A provider of one fixed token that cannot be renewed (a token from {@code OS_TOKEN} with an endpoint
     * override): a 401 then surfaces as an authentication error.
     */
    static TokenProvider of(AuthToken token) {
        java.util.Objects.requireNonNull(token, "token");
        return new TokenProvider() {
            @Override
            public AuthToken token() {
                return token;
            }

            @Override
            public AuthToken refresh(AuthToken staleToken) {
                return token;
            }

            @Override
            public java.util.Optional<AuthToken> cachedToken() {
                return java.util.Optional.of(token);
            }
        };
    }
}
