package dev.novasdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Where a cloud listens: a free port by default, or the host and port the builder pins. */
class FakeCloudListenerTest {
    @Test
    void port_pinned_isTheOneTheCloudListensOnAndNames() {
        int port;
        try (FakeCloud first = FakeCloud.builder().start()) {
            port = first.port(); // a port the system just handed out, free again once closed
        }
        try (FakeCloud cloud = FakeCloud.builder().port(port).start()) {
            assertEquals(port, cloud.port());
            assertEquals("http://127.0.0.1:" + port, cloud.baseUrl());
            assertEquals("http://127.0.0.1:" + port + "/identity/v3", cloud.authUrl());
            Http.token(cloud); // answers on that URL
        }
    }

    @Test
    void port_inUse_failsTheBuildNamingHostAndPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            UncheckedIOException e = assertThrows(
                    UncheckedIOException.class,
                    () -> FakeCloud.builder().port(taken.getLocalPort()).build());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
        }
    }

    @Test
    void port_outOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().port(-1));
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().port(65536));
    }

    @Test
    void host_localhostName_isUsedInTheUrls() {
        try (FakeCloud cloud = FakeCloud.builder().host("localhost").start()) {
            assertEquals("http://localhost:" + cloud.port() + "/identity/v3", cloud.authUrl());
            Http.token(cloud); // answers on that URL
        }
    }

    @Test
    void host_wildcard_namesTheLoopbackAddressInTheUrls() {
        try (FakeCloud cloud = FakeCloud.builder().host("0.0.0.0").start()) {
            assertEquals("http://127.0.0.1:" + cloud.port(), cloud.baseUrl());
        }
        assertEquals("http://[::1]:5000", Listener.baseUrl("::1", 5000));
    }

    @Test
    void host_unknown_isRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FakeCloud.builder().host("no-such-host.invalid").build());
        assertThrows(IllegalArgumentException.class, () -> FakeCloud.builder().host(" "));
    }
}
