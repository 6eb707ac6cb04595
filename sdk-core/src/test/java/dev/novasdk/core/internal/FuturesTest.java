package dev.novasdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class FuturesTest {
    @Test
    void unwrap_stripsEveryCompletionWrapper_andKeepsOtherExceptions() {
        IOException io = new IOException("refused");

        assertSame(io, Futures.unwrap(new CompletionException(new CompletionException(io))));
        assertSame(io, Futures.unwrap(io));
        CompletionException bare = new CompletionException("no cause", null);
        assertSame(bare, Futures.unwrap(bare), "a wrapper without a cause is the failure itself");
        assertNull(Futures.unwrap(null));
    }

    @Test
    void wrap_wrapsOnce() {
        IOException io = new IOException("refused");
        CompletionException wrapped = Futures.wrap(io);

        assertSame(io, wrapped.getCause());
        assertSame(wrapped, Futures.wrap(wrapped));
    }
}
