package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.ConflictException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The power and state actions against a WireMock nova negotiating 2.93: each sends exactly the body of its
 * api-sample (fixtures under {@code compute/doc/api_samples}, see SOURCES.md), at the right version, and a
 * version that cannot carry it is refused before anything is sent, naming the action or field and versions.
 */
class ServerStateActionsTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String ACTION = "/v2.1/servers/" + ID + "/action";
    static final String SAMPLES = "compute/doc/api_samples/";

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

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("os-pause-server/pause-server.json", (Consumer<ServerManager>) s -> s.pause(ID)),
                Arguments.of("os-pause-server/unpause-server.json", (Consumer<ServerManager>) s -> s.unpause(ID)),
                Arguments.of("os-suspend-server/server-suspend.json", (Consumer<ServerManager>) s -> s.suspend(ID)),
                Arguments.of("os-suspend-server/server-resume.json", (Consumer<ServerManager>) s -> s.resume(ID)),
                Arguments.of("os-lock-server/lock-server.json", (Consumer<ServerManager>) s -> s.lock(ID)),
                Arguments.of("os-lock-server/unlock-server.json", (Consumer<ServerManager>) s -> s.unlock(ID)),
                Arguments.of("os-lock-server/v2.73/lock-server.json", (Consumer<ServerManager>) s -> s.lock(ID)),
                Arguments.of("os-lock-server/v2.73/unlock-server.json", (Consumer<ServerManager>) s -> s.unlock(ID)),
                Arguments.of("os-lock-server/v2.73/lock-server-with-reason.json", (Consumer<ServerManager>)
                        s -> s.lock(ID, "I don't want to work")),
                Arguments.of("os-rescue/server-rescue-req.json", (Consumer<ServerManager>) s -> s.rescue(
                        ID, ServerRescue.builder().adminPassword("MySecretPass").build())),
                Arguments.of("os-rescue/server-rescue-req-with-image-ref.json", (Consumer<ServerManager>) s -> s.rescue(
                        ID,
                        ServerRescue.builder()
                                .adminPassword("MySecretPass")
                                .imageId("70a599e0-31e7-49b7-b260-868f441e862b")
                                .build())),
                Arguments.of("os-rescue/v2.87/server-rescue-req.json", (Consumer<ServerManager>) s -> s.rescue(
                        ID, ServerRescue.builder().adminPassword("MySecretPass").build())),
                Arguments.of("os-rescue/v2.87/server-rescue-req-with-image-ref.json", (Consumer<ServerManager>)
                        s -> s.rescue(
                                ID,
                                ServerRescue.builder()
                                        .adminPassword("MySecretPass")
                                        .imageId("70a599e0-31e7-49b7-b260-868f441e862b")
                                        .build())),
                Arguments.of("os-rescue/server-unrescue-req.json", (Consumer<ServerManager>) s -> s.unrescue(ID)),
                Arguments.of("os-rescue/v2.87/server-unrescue-req.json", (Consumer<ServerManager>) s -> s.unrescue(ID)),
                Arguments.of("os-shelve/os-shelve.json", (Consumer<ServerManager>) s -> s.shelve(ID)),
                Arguments.of("os-shelve/v2.77/os-shelve.json", (Consumer<ServerManager>) s -> s.shelve(ID)),
                Arguments.of("os-shelve/v2.91/os-shelve.json", (Consumer<ServerManager>) s -> s.shelve(ID)),
                Arguments.of("os-shelve/os-shelve-offload.json", (Consumer<ServerManager>) s -> s.shelveOffload(ID)),
                Arguments.of("os-shelve/os-unshelve.json", (Consumer<ServerManager>) s -> s.unshelve(ID)),
                Arguments.of("os-shelve/v2.77/os-unshelve.json", (Consumer<ServerManager>) s -> s.unshelve(ID)),
                Arguments.of("os-shelve/v2.91/os-unshelve.json", (Consumer<ServerManager>) s -> s.unshelve(ID)),
                Arguments.of("os-shelve/v2.77/os-unshelve-az.json", (Consumer<ServerManager>) s -> s.unshelve(
                        ID, ServerUnshelve.builder().availabilityZone("us-west").build())),
                Arguments.of("os-shelve/v2.91/os-unshelve-az.json", (Consumer<ServerManager>) s -> s.unshelve(
                        ID, ServerUnshelve.builder().availabilityZone("us-west").build())),
                Arguments.of("os-shelve/v2.91/os-unshelve-az-host.json", (Consumer<ServerManager>) s -> s.unshelve(
                        ID,
                        ServerUnshelve.builder()
                                .availabilityZone("nova")
                                .host("host01")
                                .build())),
                Arguments.of("os-shelve/v2.91/os-unshelve-host.json", (Consumer<ServerManager>) s ->
                        s.unshelve(ID, ServerUnshelve.builder().host("host01").build())),
                Arguments.of("os-shelve/v2.91/os-unshelve-unpin-az.json", (Consumer<ServerManager>) s -> s.unshelve(
                        ID, ServerUnshelve.builder().unpinAvailabilityZone(true).build())),
                Arguments.of(
                        "os-shelve/v2.91/os-unshelve-host-and-unpin-az.json", (Consumer<ServerManager>) s -> s.unshelve(
                                ID,
                                ServerUnshelve.builder()
                                        .unpinAvailabilityZone(true)
                                        .host("host01")
                                        .build())),
                Arguments.of("servers/v2.17/server-action-trigger-crash-dump.json", (Consumer<ServerManager>)
                        s -> s.triggerCrashDump(ID)),
                Arguments.of("os-admin-actions/admin-actions-reset-server-state.json", (Consumer<ServerManager>)
                        s -> s.resetState(ID, ResetState.ACTIVE)),
                Arguments.of("os-deferred-delete/restore-post-req.json", (Consumer<ServerManager>) s -> s.restore(ID)),
                Arguments.of("os-deferred-delete/force-delete-post-req.json", (Consumer<ServerManager>)
                        s -> s.forceDelete(ID)),
                Arguments.of("os-admin-password/admin-password-change-password.json", (Consumer<ServerManager>)
                        s -> s.changePassword(ID, "foo")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void action_sendsTheSampleBody(String sample, Consumer<ServerManager> action) {
        // Rescue answers 200 with the password; the other actions' 202 bodies are not read.
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(okJson("{\"adminPass\": \"MySecretPass\"}")));
        action.accept(client.servers());
        wm.verify(1, compute(postRequestedFor(urlEqualTo(ACTION)), "2.93"));
        JsonNode sent = Samples.tree(
                wm.findAll(postRequestedFor(urlEqualTo(ACTION))).get(0).getBody());
        // Trees compare null members exactly: {"unshelve": null} and {"unshelve": {}} are different requests.
        assertEquals(Samples.tree(Samples.bytes(SAMPLES + sample)), sent, sample);
    }

    @Test
    void rescue_withoutOptions_sendsNullAndReadsTheSampleAnswerWithoutShowingThePassword() {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(okJson(new String(
                        Samples.bytes(SAMPLES + "os-rescue/v2.87/server-rescue.json"), StandardCharsets.UTF_8))));
        ServerRescueResult r = client.servers().rescue(ID);
        assertEquals(Optional.of("MySecretPass"), r.adminPassword());
        assertFalse(r.toString().contains("MySecretPass"), r.toString());
        assertEquals(
                Samples.json("{'rescue': null}"),
                Samples.tree(
                        wm.findAll(postRequestedFor(urlEqualTo(ACTION))).get(0).getBody()));
    }

    @Test
    void rescue_requestToString_hidesThePassword() {
        ServerRescue r = ServerRescue.builder().adminPassword("MySecretPass").build();
        assertFalse(r.toString().contains("MySecretPass"), r.toString());
    }

    @Test
    void rescue_badImageId_refusedNamingTheField() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServerRescue.builder().imageId("cirros").build());
        assertTrue(e.getMessage().contains("rescue_image_ref"), e.getMessage());
    }

    @Test
    void changePassword_409_carriesNovasMessageButNeverThePassword() {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(conflict("Cannot 'changePassword' instance " + ID + " while it is in vm_state rescued")));
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().changePassword(ID, "S3cretPassw0rd"));
        assertFalse(e.getMessage().contains("S3cretPassw0rd"), e.getMessage());
        assertFalse(e.bodyExcerpt().contains("S3cretPassw0rd"), e.bodyExcerpt());
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder conflict(String message) {
        return aResponse()
                .withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Openstack-Request-Id", "req-409")
                .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"" + message + "\"}}");
    }

    @Test
    void pause_wrongState_throwsConflictWithNovasMessage() {
        // The lab's answer to pausing a stopped server.
        String message = "Cannot 'pause' instance " + ID + " while it is in vm_state stopped";
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(conflict(message)));
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().pause(ID));
        assertEquals(409, e.statusCode());
        assertEquals(Optional.of(message), e.serviceMessage());
        assertEquals(Optional.of("req-409"), e.requestId());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void lock_locked_throwsConflictWithNovasMessage() {
        String message = "Instance " + ID + " is locked";
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(conflict(message)));
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().suspend(ID));
        assertEquals(Optional.of(message), e.serviceMessage());
    }

    private void assertRefusedPinned(String version, Consumer<ServerManager> action, String... mustName) {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion(version).build()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> action.accept(pinned.servers()));
            assertTrue(
                    e instanceof IllegalArgumentException || e instanceof IllegalStateException,
                    e.getClass().getName());
            for (String name : mustName) {
                assertTrue(e.getMessage().contains(name), name + " not in: " + e.getMessage());
            }
        }
        wm.verify(0, postRequestedFor(urlEqualTo(ACTION)));
    }

    @Test
    void lockWithReason_pinned272_refusedBeforeSending() {
        assertRefusedPinned("2.72", s -> s.lock(ID, "maintenance"), "locked_reason", "2.73", "2.72");
    }

    @Test
    void lockWithReason_tooLong_refusedBeforeSending() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> client.servers().lock(ID, "x".repeat(256)));
        assertTrue(e.getMessage().contains("locked_reason") && e.getMessage().contains("255"), e.getMessage());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void triggerCrashDump_pinned216_refusedNamingTheActionAndVersions() {
        assertRefusedPinned("2.16", s -> s.triggerCrashDump(ID), "trigger_crash_dump", "2.17", "2.16");
    }

    @Test
    void unshelveIntoZone_pinned276_refusedBeforeSending() {
        assertRefusedPinned(
                "2.76",
                s -> s.unshelve(
                        ID, ServerUnshelve.builder().availabilityZone("az").build()),
                "availability_zone",
                "2.77",
                "2.76");
    }

    @Test
    void unshelveOntoHost_pinned290_refusedBeforeSending() {
        assertRefusedPinned(
                "2.90", s -> s.unshelve(ID, ServerUnshelve.builder().host("h1").build()), "host", "2.91", "2.90");
    }

    @Test
    void unshelveUnpin_pinned290_refusedBeforeSending() {
        assertRefusedPinned(
                "2.90",
                s -> s.unshelve(
                        ID, ServerUnshelve.builder().unpinAvailabilityZone(true).build()),
                "availability_zone",
                "null",
                "2.91");
    }

    @Test
    void lockWithoutReason_pinned21_sentAt21() {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(202)));
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.1").build()) {
            pinned.servers().lock(ID);
        }
        wm.verify(1, compute(postRequestedFor(urlEqualTo(ACTION)), "2.1"));
    }

    @Test
    void unshelve_emptyOrContradictoryRequest_refusedNamingTheFields() {
        assertThrows(
                IllegalArgumentException.class, () -> ServerUnshelve.builder().build());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> ServerUnshelve.builder()
                .availabilityZone("az")
                .unpinAvailabilityZone(true)
                .build());
        assertTrue(both.getMessage().contains("availability_zone"), both.getMessage());
        IllegalArgumentException host = assertThrows(
                IllegalArgumentException.class,
                () -> ServerUnshelve.builder().host("bad host!").build());
        assertTrue(host.getMessage().contains("host"), host.getMessage());
    }

    @Test
    void pause_503_notRetried() {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(503)));
        assertThrows(dev.novasdk.core.error.ServerErrorException.class, () -> client.servers()
                .pause(ID));
        wm.verify(1, postRequestedFor(urlEqualTo(ACTION)));
    }
}
