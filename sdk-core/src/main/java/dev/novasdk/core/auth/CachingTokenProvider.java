package dev.novasdk.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Stub; replaced by the real provider. */
public final class CachingTokenProvider<T extends AuthToken> implements TokenProvider {
    private CachingTokenProvider() {
    }

    public static <T extends AuthToken> CachingTokenProvider<T> of(Supplier<T> authenticator) {
        return new CachingTokenProvider<>();
    }

    public static <T extends AuthToken> Builder<T> builder(Supplier<T> authenticator) {
        return new Builder<>();
    }

    @Override
    public T token() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public T refresh(AuthToken staleToken) {
        throw new UnsupportedOperationException("stub");
    }

    public Optional<T> current() {
        throw new UnsupportedOperationException("stub");
    }

    public void invalidate() {
        throw new UnsupportedOperationException("stub");
    }

    public static final class Builder<T extends AuthToken> {
        public Builder<T> expirySkew(Duration d) {
            return this;
        }

        public Builder<T> clock(Clock c) {
            return this;
        }

        public CachingTokenProvider<T> build() {
            return new CachingTokenProvider<>();
        }
    }
}
