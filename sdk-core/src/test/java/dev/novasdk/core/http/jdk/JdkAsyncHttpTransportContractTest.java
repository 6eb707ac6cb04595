package dev.novasdk.core.http.jdk;

import dev.novasdk.core.http.AsyncHttpTransport;
import dev.novasdk.core.http.AsyncHttpTransportContractTest;
import java.time.Duration;

/** {@link JdkAsyncHttpTransport} against the async transport contract. */
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

    // java.net.http resends a GET or HEAD once when the connection breaks before any response byte.
    @Override
    protected boolean resendsGetBrokenBeforeFirstByte() {
        return true;
    }
}
