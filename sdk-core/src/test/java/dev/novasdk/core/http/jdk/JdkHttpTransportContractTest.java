package dev.novasdk.core.http.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpTransport;
import dev.novasdk.core.http.HttpTransportContractTest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link JdkHttpTransport} against the transport contract, plus its size cap and host name handling. */
class JdkHttpTransportContractTest extends HttpTransportContractTest {
    @Override
    protected HttpTransport newTransportWithMaxResponseSize(int bytes) {
        return JdkHttpTransport.builder().maxResponseSize(bytes).build();
    }

    @Override
    protected HttpTransport newTransportWithHeaderLimits(int count, int bytes) {
        return JdkHttpTransport.builder()
                .maxResponseHeaderCount(count)
                .maxResponseHeaderSize(bytes)
                .build();
    }

    @Override
    protected HttpTransport newTransport(Duration connectTimeout, Duration responseTimeout) {
        return JdkHttpTransport.builder()
                .connectTimeout(connectTimeout)
                .responseTimeout(responseTimeout)
                .build();
    }

    // java.net.http resends a GET or HEAD once when the connection breaks before any response byte
    // (it takes that for a stale pooled connection) and offers no per-client switch to stop it.
    @Override
    protected boolean resendsGetBrokenBeforeFirstByte() {
        return true;
    }

    @Test
    void execute_unresolvableHost_throwsUnknownHost() {
        IOException e = assertThrows(IOException.class, () -> transport()
                .execute(HttpRequest.get(URI.create("http://no-such-host.invalid/v3"))));

        assertEquals(TransportException.Kind.UNKNOWN_HOST, TransportException.classify(e), () -> describe(e));
    }
}
