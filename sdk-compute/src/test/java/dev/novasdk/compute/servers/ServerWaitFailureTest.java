package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static dev.novasdk.compute.servers.ServerManagerTest.envelope;
import static dev.novasdk.compute.servers.ServerManagerTest.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.core.error.WaitTimeoutException;
import dev.novasdk.core.waiter.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ServerManager#waitForStatus} ends with the action: it waits through the task state, accepts any of
 * several statuses, and fails with the fault and the failed instance action's events when Nova gives up,
 * instead of timing out.
 */
class ServerWaitFailureTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String SERVER = "/v2.1/servers/" + ID;
    static final String REQ = "req-7d882fd2-791a-4f3a-89c4-634353bb5ef8";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private void states(String... servers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < servers.length; i++) {
            String next = i == servers.length - 1 ? state : "poll-" + (i + 1);
            wm.stubFor(get(urlEqualTo(SERVER))
                    .inScenario("wait")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson(envelope(servers[i])))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private void latestAction(String result, String details) {
        wm.stubFor(get(urlPathEqualTo(SERVER + "/os-instance-actions"))
                .willReturn(okJson("{\"instanceActions\": [{\"action\": \"pause\", \"request_id\": \"" + REQ
                        + "\", \"instance_uuid\": \"" + ID + "\", \"message\": null}]}")));
        wm.stubFor(get(urlEqualTo(SERVER + "/os-instance-actions/" + REQ))
                .willReturn(okJson("{\"instanceAction\": {\"action\": \"pause\", \"request_id\": \"" + REQ
                        + "\", \"message\": \"Error\", \"events\": [{\"event\": \"compute_pause_instance\", "
                        + "\"start_time\": \"2026-12-03T08:53:31.000000\", \"finish_time\": \"2026-12-03T08:53:31.000000\", "
                        + "\"result\": \"" + result + "\", \"traceback\": \"Traceback ...\", \"details\": "
                        + (details == null ? "null" : "\"" + details + "\"") + "}]}}")));
    }

    private static String withFault(String server) {
        return server.replaceFirst(
                "\\}$",
                ", \"fault\": {\"code\": 500, \"created\": \"2026-12-03T08:53:31Z\", \"message\": \"Virt failure\"}}");
    }

    @Test
    void waitForStatus_activeWhileRebooting_waitsForTheTaskToEnd() {
        states(
                server(ID, "vm", "ACTIVE", "rebooting"),
                server(ID, "vm", "ACTIVE", "reboot_started"),
                server(ID, "vm", "ACTIVE", null));
        List<String> seen = new ArrayList<>();
        client.servers()
                .waitForStatus(
                        ID,
                        ServerStatus.ACTIVE,
                        WaitOptions.defaults(),
                        s -> seen.add(s.taskStateRaw().orElse("-")));
        assertEquals(List.of("rebooting", "reboot_started", "-"), seen);
    }

    @Test
    void waitForStatus_anyOfShelvedStatuses_returnsTheOffloadedOne() {
        states(
                server(ID, "vm", "ACTIVE", "shelving"),
                server(ID, "vm", "SHELVED", "shelving_offloading"),
                server(ID, "vm", "SHELVED_OFFLOADED", null));
        Server s = client.servers()
                .waitForStatus(
                        ID, Set.of(ServerStatus.SHELVED, ServerStatus.SHELVED_OFFLOADED), WaitOptions.defaults());
        assertEquals(ServerStatus.SHELVED_OFFLOADED, s.status());
    }

    @Test
    void waitForStatus_error_failsWithFaultAndTheActionsEvents() {
        latestAction("Error", "Virt failure");
        states(server(ID, "vm", "ACTIVE", "pausing"), withFault(server(ID, "vm", "ERROR", null)));
        ServerActionFailedException e = assertThrows(ServerActionFailedException.class, () -> client.servers()
                .waitForStatus(ID, ServerStatus.PAUSED, WaitOptions.defaults()));
        assertEquals(Optional.of(500), e.faultCode());
        assertEquals(Optional.of("Virt failure"), e.faultMessage());
        assertEquals(REQ, e.action().orElseThrow().requestId());
        assertEquals("compute_pause_instance", e.failedEvents().get(0).event());
        assertEquals(Optional.of("Traceback ..."), e.failedEvents().get(0).traceback());
        assertTrue(
                e.getMessage().contains("went to ERROR")
                        && e.getMessage().contains("Virt failure")
                        && e.getMessage().contains(REQ)
                        && e.getMessage().contains("compute_pause_instance failed"),
                e.getMessage());
        // limit=1 at 2.58+: one look at the newest action, not the whole log.
        wm.verify(1, getRequestedFor(urlEqualTo(SERVER + "/os-instance-actions?limit=1")));
    }

    @Test
    void waitForStatus_settledBackWithAFailedAction_failsInsteadOfTimingOut() {
        latestAction("Error", null);
        states(server(ID, "vm", "ACTIVE", "pausing"), server(ID, "vm", "ACTIVE", null));
        ServerActionFailedException e = assertThrows(ServerActionFailedException.class, () -> client.servers()
                .waitForStatus(ID, ServerStatus.PAUSED, WaitOptions.defaults()));
        assertTrue(e.getMessage().contains("settled in ACTIVE while waiting for PAUSED"), e.getMessage());
        assertEquals(1, e.failedEvents().size());
        assertEquals(ServerStatus.ACTIVE, e.server().status());
    }

    @Test
    void waitForStatus_settledElsewhereWithoutAFailure_keepsWaitingUntilTheTimeout() {
        latestAction("Success", null);
        wm.stubFor(get(urlEqualTo(SERVER)).willReturn(okJson(envelope(server(ID, "vm", "SHUTOFF", null)))));
        WaitOptions options = WaitOptions.of(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1));
        WaitTimeoutException e = assertThrows(
                WaitTimeoutException.class, () -> client.servers().waitForStatus(ID, ServerStatus.ACTIVE, options));
        assertEquals(
                ServerStatus.SHUTOFF, e.lastValue(Server.class).orElseThrow().status());
        // The log is read once for the unchanged settled state, not at every poll.
        wm.verify(1, getRequestedFor(urlEqualTo(SERVER + "/os-instance-actions/" + REQ)));
    }

    @Test
    void waitForStatus_errorWithAnUnreadableLog_stillFailsWithTheFault() {
        wm.stubFor(get(urlPathEqualTo(SERVER + "/os-instance-actions"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow\"}}")));
        states(withFault(server(ID, "vm", "ERROR", null)));
        ServerActionFailedException e = assertThrows(ServerActionFailedException.class, () -> client.servers()
                .waitForStatus(ID, ServerStatus.ACTIVE, WaitOptions.defaults()));
        assertTrue(e.action().isEmpty());
        assertEquals(Optional.of("Virt failure"), e.faultMessage());
    }

    @Test
    void waitForStatus_emptyStatuses_refused() {
        assertThrows(IllegalArgumentException.class, () -> client.servers()
                .waitForStatus(ID, Set.of(), WaitOptions.defaults()));
    }
}
