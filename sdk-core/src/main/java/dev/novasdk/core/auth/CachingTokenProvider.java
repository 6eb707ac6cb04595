package dev.novasdk.core.auth;

import java.util.function.Supplier;

/**
 * A single-flight, caching {@link TokenProvider} around an authentication function.
 *
 * @param <T> the token type the authenticator returns
 */
public final class CachingTokenProvider<T extends AuthToken> implements TokenProvider {
    private final Supplier<T> authenticator;

    private CachingTokenProvider(Supplier<T> authenticator) {
        this.authenticator = authenticator;
    }

    /** A provider calling {@code authenticator} to get a new token. */
    public static <T extends AuthToken> CachingTokenProvider<T> of(Supplier<T> authenticator) {
        return new CachingTokenProvider<>(authenticator);
    }

    @Override
    public T token() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public T refresh(AuthToken staleToken) {
        throw new UnsupportedOperationException("stub");
    }
}
