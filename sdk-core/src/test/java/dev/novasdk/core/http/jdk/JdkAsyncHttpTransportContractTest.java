package dev.novasdk.core.http.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.AsyncHttpTransportContractTest;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link JdkAsyncHttpTransport} against the async transport contract, plus its builder and host name handling. */
class JdkAsyncHttpTransportContractTest extends AsyncHttpTransportContractTest {
    @Override
    protected AsyncHttpTransport newAsyncTransport(Duration connectTimeout, Duration responseTimeout) {
        return JdkAsyncHttpTransport.builder()
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithMaxResponseSize(int bytes) {
        return JdkAsyncHttpTransport.builder().maxResponseSize(bytes).build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithHeaderLimits(int count, int bytes) {
        return JdkAsyncHttpTransport.builder()
                .maxResponseHeaderCount(count)
                .maxResponseHeaderSize(bytes)
                .build();
    }

    @Override
    protected AsyncHttpTransport newAsyncTransportWithIoThreads(int ioThreads, int connections) {
        // The JDK client has no connection limit of its own.
        return JdkAsyncHttpTransport.builder().threads(ioThreads).build();
    }

    @Override
    protected String threadNamePrefix() {
        return "nova-jdk-async";
    }

    // The JDK client does its I/O on a selector thread of its own, one per client.
    @Override
    protected boolean isTransportThread(Thread thread) {
        return super.isTransportThread(thread) || thread.getName().matches("HttpClient-\\d+-SelectorManager");
    }

    @Test
    void threads_zero_throwsIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> JdkAsyncHttpTransport.builder()
                .threads(0));
    }

    @Test
    void executeAsync_unresolvableHost_failsWithUnknownHost() {
        CompletableFuture<HttpResponse> future =
                asyncTransport().executeAsync(HttpRequest.get(URI.create("http://no-such-host.invalid/v3")));

        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));
        IOException failure = assertInstanceOf(IOException.class, e.getCause());
        assertEquals(
                TransportException.Kind.UNKNOWN_HOST, TransportException.classify(failure), () -> describe(failure));
    }

    // java.net.http resends a GET or HEAD once when the connection breaks before any response byte.
    @Override
    protected boolean resendsGetBrokenBeforeFirstByte() {
        return true;
    }
}
