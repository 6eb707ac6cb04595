package dev.novasdk.compute;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The base of the manager tests that need a client per test, negotiating or pinned: a WireMock nova serving
 * 2.1 to 2.93, a fake clock, and the client closed after each test.
 */
public abstract class WireMockComputeTest {
    /** The WireMock server, on a free port, reset before each test. */
    @RegisterExtension
    protected static final WireMockExtension wm = ComputeStubs.wireMock();

    /** The fake clock the client's waiters and retries use. */
    protected final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();

    private ComputeClient client;

    /** A client pinned to {@code pinnedOrNull}, or negotiating (to 2.93) when it is null. */
    protected ComputeClient client(String pinnedOrNull) {
        ComputeStubs.stubVersionDocument(wm, "2.93");
        if (client != null) {
            client.close();
        }
        client = ComputeStubs.client(wm, time).microversion(pinnedOrNull).build();
        return client;
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }
}
