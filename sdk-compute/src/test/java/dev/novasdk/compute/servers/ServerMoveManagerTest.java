package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ConflictException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resize, rebuild, migration, evacuation, snapshot, backup and remote console calls of {@link
 * ServerManager} against WireMock: each request body equals nova's api-sample of the microversion it is sent
 * at (fixtures under {@code src/test/resources/compute/doc/api_samples}, see SOURCES.md), each response
 * sample is read, wrong states surface Nova's 409 message, and fields a pinned version refuses fail before
 * sending.
 */
class ServerMoveManagerTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String ACTION = "/v2.1/servers/" + ID + "/action";
    static final String SAMPLES = "compute/doc/api_samples/";
    static final ObjectMapper JSON = new ObjectMapper();

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

    static String sample(String path) {
        return new String(Samples.bytes(path), StandardCharsets.UTF_8);
    }

    /** Runs {@code call} on a client pinned to {@code version} and checks the one request it sent. */
    void assertSent(String version, String path, String expectedBody, Consumer<ServerManager> call) throws Exception {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion(version).build()) {
            call.accept(pinned.servers());
        }
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(path)), version)
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(equalToJson(expectedBody)));
        // equalToJson ignores nothing but order; compared as trees too, so a null member is not {}.
        String sent = wm.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBodyAsString();
        assertEquals(JSON.readTree(expectedBody), JSON.readTree(sent));
    }

    static ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(202).withHeader("Content-Type", "application/json");
    }

    static ResponseDefinitionBuilder conflict(String message) {
        return aResponse()
                .withStatus(409)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("x-openstack-request-id", "req-409")
                .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"" + message + "\"}}");
    }

    static ResponseDefinitionBuilder badRequest(String message) {
        return aResponse()
                .withStatus(400)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("x-openstack-request-id", "req-400")
                .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"" + message + "\"}}");
    }

    // ------------------------------------------------------------------ resize

    @Test
    void resize_withDiskConfig_sendsTheSample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        assertSent(
                "2.1",
                ACTION,
                sample(SAMPLES + "servers/server-action-resize.json"),
                s -> s.resize(ID, "2", DiskConfig.AUTO));
    }

    @Test
    void resize_flavorOnly_sendsFlavorRef() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        assertSent("2.93", ACTION, "{\"resize\": {\"flavorRef\": \"2\"}}", s -> s.resize(ID, "2"));
    }

    @Test
    void resize_blankFlavorOrUnknownDiskConfig_refusedBeforeSending() {
        ServerManager servers = client.servers();
        assertThrows(IllegalArgumentException.class, () -> servers.resize(ID, " "));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> servers.resize(ID, "2", DiskConfig.UNKNOWN));
        assertTrue(e.getMessage().contains("OS-DCF:diskConfig"), e.getMessage());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void resize_inVerifyResize_throwsConflictWithNovaMessage() {
        // Recorded from the lab: a second resize while the first awaits confirmation.
        String message = "Cannot 'resize' instance " + ID + " while it is in vm_state resized";
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(conflict(message)));
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().resize(ID, "1"));
        assertEquals(Optional.of(message), e.serviceMessage());
        assertEquals(Optional.of("req-409"), e.requestId());
    }

    @Test
    void resize_sameFlavor_throwsBadRequestWithNovaMessage() {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(badRequest("When resizing, instances must change flavor!")));
        BadRequestException e =
                assertThrows(BadRequestException.class, () -> client.servers().resize(ID, "2"));
        assertEquals(Optional.of("When resizing, instances must change flavor!"), e.serviceMessage());
    }

    @Test
    void confirmResize_sendsTheSample() throws Exception {
        // Nova answers 204 to a confirm.
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(204)));
        assertSent(
                "2.93",
                ACTION,
                sample(SAMPLES + "servers/server-action-confirm-resize.json"),
                s -> s.confirmResize(ID));
    }

    @Test
    void revertResize_sendsTheSample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        assertSent(
                "2.93", ACTION, sample(SAMPLES + "servers/server-action-revert-resize.json"), s -> s.revertResize(ID));
    }

    @Test
    void confirmResize_notResized_throwsConflictWithNovaMessage() {
        String message = "Cannot 'confirmResize' instance " + ID + " while it is in vm_state active";
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(conflict(message)));
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().confirmResize(ID));
        assertEquals(Optional.of(message), e.serviceMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    // ------------------------------------------------------------------ rebuild

    @ParameterizedTest
    @CsvSource({
        "2.1, servers/server-action-rebuild.json, servers/server-action-rebuild-resp.json",
        "2.1, os-preserve-ephemeral-rebuild/server-action-rebuild-preserve-ephemeral.json,"
                + " os-preserve-ephemeral-rebuild/server-action-rebuild-preserve-ephemeral-resp.json",
        "2.19, servers/v2.19/server-action-rebuild.json, servers/v2.19/server-action-rebuild-resp.json",
        "2.26, servers/v2.26/server-action-rebuild.json, servers/v2.26/server-action-rebuild-resp.json",
        "2.47, servers/v2.47/server-action-rebuild.json, servers/v2.47/server-action-rebuild-resp.json",
        "2.54, servers/v2.54/server-action-rebuild.json, servers/v2.54/server-action-rebuild-resp.json",
        "2.57, servers/v2.57/server-action-rebuild.json, servers/v2.57/server-action-rebuild-resp.json",
        "2.63, servers/v2.63/server-action-rebuild.json, servers/v2.63/server-action-rebuild-resp.json",
        "2.71, servers/v2.71/server-action-rebuild.json, servers/v2.71/server-action-rebuild-resp.json",
        "2.73, servers/v2.73/server-action-rebuild.json, servers/v2.73/server-action-rebuild-resp.json",
        "2.75, servers/v2.75/server-action-rebuild.json, servers/v2.75/server-action-rebuild-resp.json",
        "2.90, servers/v2.90/server-action-rebuild.json, servers/v2.90/server-action-rebuild-resp.json",
        "2.94, servers/v2.94/server-action-rebuild.json, servers/v2.94/server-action-rebuild-resp.json",
        "2.96, servers/v2.96/server-action-rebuild.json, servers/v2.96/server-action-rebuild-resp.json"
    })
    void rebuild_sampleOfEachVersion_sentAsTheSampleAndItsResponseRead(String version, String request, String response)
            throws Exception {
        JsonNode sample = Samples.tree(JSON, SAMPLES + request);
        ServerRebuild rebuild = ServerRebuildSamples.fromSample(sample.get("rebuild"));
        JsonNode expectedResponse = Samples.tree(JSON, "compute/" + response).get("server");
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted().withBody(sample("compute/" + response))));
        Server[] answered = new Server[1];
        assertSent(version, ACTION, sample(SAMPLES + request), s -> answered[0] = s.rebuild(ID, rebuild));
        assertEquals(expectedResponse.get("id").asText(), answered[0].id());
        assertEquals(Optional.ofNullable(expectedResponse.path("adminPass").textValue()), answered[0].adminPass());
        assertEquals(Optional.of(expectedResponse.get("status").asText()), answered[0].statusRaw());
    }

    @Test
    void rebuild_userDataPinned256_refusedBeforeSendingNamingFieldAndVersions() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.56").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .rebuild(
                            ID,
                            ServerRebuild.builder()
                                    .imageId("img")
                                    .userData("#!/bin/sh\n")
                                    .build()));
            assertTrue(
                    e.getMessage().contains("user_data")
                            && e.getMessage().contains("2.57")
                            && e.getMessage().contains("2.56"),
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rebuild_personalityWhenNegotiating_sentAt256() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(accepted().withBody(sample("compute/servers/v2.47/server-action-rebuild-resp.json"))));
        client.servers()
                .rebuild(
                        ID,
                        ServerRebuild.builder()
                                .imageId("img")
                                .addPersonality("/etc/motd", "hi")
                                .build());
        wm.verify(1, compute(postRequestedFor(urlEqualTo(ACTION)), "2.56"));
    }

    @Test
    void rebuild_personalityAndUserData_refusedAsNoVersionAcceptsBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.servers()
                .rebuild(
                        ID,
                        ServerRebuild.builder()
                                .imageId("img")
                                .addPersonality("/etc/motd", "hi")
                                .userData("x")
                                .build()));
        assertTrue(e.getMessage().contains("personality") && e.getMessage().contains("user_data"), e.getMessage());
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void rebuild_removeKeyNameAndUserData_sendsJsonNulls() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(accepted().withBody(sample("compute/servers/v2.90/server-action-rebuild-resp.json"))));
        assertSent(
                "2.93",
                ACTION,
                "{\"rebuild\": {\"imageRef\": \"img\", \"key_name\": null, \"user_data\": null}}",
                s -> s.rebuild(
                        ID,
                        ServerRebuild.builder()
                                .imageId("img")
                                .removeKeyName(true)
                                .removeUserData(true)
                                .build()));
    }

    @Test
    void rebuild_nova409_carriesTheMessageButNeverThePassword() {
        String message = "Cannot 'rebuild' instance " + ID + " while it is in task_state resize_prep";
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(conflict(message)));
        ServerRebuild rebuild = ServerRebuild.builder()
                .imageId("img")
                .adminPassword("hunter2-secret")
                .build();
        ConflictException e =
                assertThrows(ConflictException.class, () -> client.servers().rebuild(ID, rebuild));
        assertEquals(Optional.of(message), e.serviceMessage());
        assertFalse(e.getMessage().contains("hunter2-secret"), e.getMessage());
        assertFalse(e.bodyExcerpt().contains("hunter2-secret"));
        assertFalse(rebuild.toString().contains("hunter2-secret"), rebuild.toString());
    }

    // ------------------------------------------------------------------ migrate, live-migrate, evacuate

    @Test
    void migrate_noHost_sendsTheNullSample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        assertSent("2.1", ACTION, sample(SAMPLES + "os-migrate-server/migrate-server.json"), s -> s.migrate(ID));
    }

    @Test
    void migrate_host_sendsThe256Sample() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        assertSent(
                "2.56",
                ACTION,
                sample(SAMPLES + "os-migrate-server/v2.56/migrate-server.json"),
                s -> s.migrate(ID, "host1"));
    }

    @Test
    void migrate_hostPinned255_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.55").build()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> pinned.servers().migrate(ID, "host1"));
            assertTrue(e.getMessage().contains("host") && e.getMessage().contains("2.56"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource({
        "2.1, os-migrate-server/live-migrate-server.json",
        "2.25, os-migrate-server/v2.25/live-migrate-server.json",
        "2.30, os-migrate-server/v2.30/live-migrate-server.json",
        "2.68, os-migrate-server/v2.68/live-migrate-server.json"
    })
    void liveMigrate_sampleOfEachVersion_sentAsTheSample(String version, String request) throws Exception {
        JsonNode body = Samples.tree(JSON, SAMPLES + request).get("os-migrateLive");
        ServerLiveMigrate.Builder b =
                ServerLiveMigrate.builder().host(body.get("host").asText());
        if (body.get("block_migration").isBoolean()) {
            b.blockMigration(body.get("block_migration").asBoolean());
        }
        if (body.has("disk_over_commit")) {
            b.diskOverCommit(body.get("disk_over_commit").asBoolean());
        }
        if (body.has("force")) {
            b.force(body.get("force").asBoolean());
        }
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        ServerLiveMigrate request2 = b.build();
        assertSent(version, ACTION, sample(SAMPLES + request), s -> s.liveMigrate(ID, request2));
    }

    @Test
    void liveMigrate_auto_whenNegotiatingSentAtTheNegotiatedVersionWithNullHost() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        client.servers().liveMigrate(ID, ServerLiveMigrate.builder().build());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(ACTION)), "2.93")
                        .withRequestBody(
                                equalToJson("{\"os-migrateLive\": {\"host\": null, \"block_migration\": \"auto\"}}")));
    }

    @Test
    void liveMigrate_force_whenNegotiatingSentAt267() {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted()));
        client.servers()
                .liveMigrate(
                        ID, ServerLiveMigrate.builder().host("h").force(true).build());
        wm.verify(1, compute(postRequestedFor(urlEqualTo(ACTION)), "2.67"));
    }

    @Test
    void liveMigrate_forcePinned293_refusedNamingTheRange() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.93").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .liveMigrate(ID, ServerLiveMigrate.builder().force(false).build()));
            assertTrue(
                    e.getMessage().contains("force")
                            && e.getMessage().contains("2.30")
                            && e.getMessage().contains("2.67"),
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void liveMigrate_autoPinned224_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.24").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .liveMigrate(ID, ServerLiveMigrate.builder().build()));
            assertTrue(
                    e.getMessage().contains("block_migration") && e.getMessage().contains("2.25"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @CsvSource({
        "2.1, os-evacuate/server-evacuate-req.json",
        "2.1, os-evacuate/server-evacuate-find-host-req.json",
        "2.14, os-evacuate/v2.14/server-evacuate-req.json",
        "2.14, os-evacuate/v2.14/server-evacuate-find-host-req.json",
        "2.29, os-evacuate/v2.29/server-evacuate-req.json",
        "2.29, os-evacuate/v2.29/server-evacuate-find-host-req.json",
        "2.68, os-evacuate/v2.68/server-evacuate-req.json",
        "2.68, os-evacuate/v2.68/server-evacuate-find-host-req.json",
        "2.95, os-evacuate/v2.95/server-evacuate-req.json",
        "2.95, os-evacuate/v2.95/server-evacuate-find-host-req.json"
    })
    void evacuate_sampleOfEachVersion_sentAsTheSample(String version, String request) throws Exception {
        JsonNode body = Samples.tree(JSON, SAMPLES + request).get("evacuate");
        ServerEvacuate.Builder b = ServerEvacuate.builder();
        if (body.has("host")) {
            b.host(body.get("host").asText());
        }
        if (body.has("adminPass")) {
            b.adminPassword(body.get("adminPass").asText());
        }
        if (body.has("onSharedStorage")) {
            b.onSharedStorage(Boolean.parseBoolean(body.get("onSharedStorage").asText()));
        }
        if (body.has("force")) {
            b.force(body.get("force").asBoolean());
        }
        // Nova's pre-2.14 samples send onSharedStorage as the string "False"; its schema takes a boolean
        // (parameter_types.boolean accepts both), and the SDK sends the boolean.
        String expected = sample(SAMPLES + request).replace("\"False\"", "false");
        boolean before214 = version.equals("2.1");
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(
                        before214
                                ? okJson(sample(SAMPLES + "os-evacuate/server-evacuate-resp.json"))
                                : aResponse().withStatus(200)));
        Optional<String>[] pass = new Optional[1];
        ServerEvacuate evacuate = b.build();
        assertSent(version, ACTION, expected, s -> pass[0] = s.evacuate(ID, evacuate));
        assertEquals(before214 ? Optional.of("MySecretPass") : Optional.empty(), pass[0]);
        assertFalse(evacuate.toString().contains("MySecretPass"), evacuate.toString());
    }

    @Test
    void evacuate_onSharedStoragePinned214_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.14").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .evacuate(ID, ServerEvacuate.builder().onSharedStorage(true).build()));
            assertTrue(
                    e.getMessage().contains("onSharedStorage") && e.getMessage().contains("2.13"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void evacuate_sourceHostUp_throwsBadRequestWithNovaMessage() {
        // Recorded from the lab, whose only compute service is up.
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(badRequest("Compute service of oslab is still in use.")));
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.servers()
                .evacuate(ID, ServerEvacuate.builder().build()));
        assertEquals(Optional.of("Compute service of oslab is still in use."), e.serviceMessage());
    }

    // ------------------------------------------------------------------ createImage, createBackup

    @Test
    void createImage_from245_sendsTheSampleAndReadsTheIdFromTheBody() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(
                        accepted().withBody(sample(SAMPLES + "servers/v2.45/server-action-create-image-resp.json"))));
        String[] id = new String[1];
        assertSent(
                "2.45",
                ACTION,
                sample(SAMPLES + "servers/v2.45/server-action-create-image.json"),
                s -> id[0] = s.createImage(
                        ID,
                        ServerImageCreate.builder()
                                .name("foo-image")
                                .putMetadata("meta_var", "meta_val")
                                .build()));
        assertEquals("0e7761dd-ee98-41f0-ba35-05994e446431", id[0]);
    }

    @Test
    void createImage_before245_readsTheIdFromTheLocationHeader() throws Exception {
        // As the lab answers at 2.44: an empty text/html body and Glance's URL, with its double slash.
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "text/html; charset=UTF-8")
                        .withHeader("Location", "http://127.0.0.1:9292//images/406074db-a588-45de-8d45-5a218cac655e")));
        String[] id = new String[1];
        assertSent(
                "2.44",
                ACTION,
                sample(SAMPLES + "servers/server-action-create-image.json"),
                s -> id[0] = s.createImage(
                        ID,
                        ServerImageCreate.builder()
                                .name("foo-image")
                                .putMetadata("meta_var", "meta_val")
                                .build()));
        assertEquals("406074db-a588-45de-8d45-5a218cac655e", id[0]);
    }

    @Test
    void createImage_neitherBodyNorLocation_throwsResponseParse() {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(aResponse().withStatus(202)));
        assertThrows(dev.novasdk.core.error.ResponseParseException.class, () -> client.servers()
                .createImage(ID, "snap"));
    }

    @Test
    void createImage_badName_refusedBeforeSending() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> client.servers().createImage(ID, " snap"));
        assertTrue(e.getMessage().startsWith("name"), e.getMessage());
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void createBackup_sampleOfEachVersion_sentAndIdRead() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Location", "http://glance:9292/v2/images/1e8b1b2c-9c6d-4b8e-8a1c-2b0e5e5f6d7a")));
        String[] id = new String[1];
        assertSent(
                "2.1",
                ACTION,
                sample(SAMPLES + "os-create-backup/create-backup-req.json"),
                s -> id[0] = s.createBackup(
                        ID,
                        ServerBackupCreate.builder()
                                .name("Backup 1")
                                .backupType("daily")
                                .rotation(1)
                                .build()));
        assertEquals("1e8b1b2c-9c6d-4b8e-8a1c-2b0e5e5f6d7a", id[0]);
        wm.resetRequests();
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(accepted().withBody(sample(SAMPLES + "os-create-backup/v2.45/create-backup-resp.json"))));
        assertSent(
                "2.45",
                ACTION,
                sample(SAMPLES + "os-create-backup/v2.45/create-backup-req.json"),
                s -> id[0] = s.createBackup(
                        ID,
                        ServerBackupCreate.builder()
                                .name("Backup 1")
                                .backupType("weekly")
                                .rotation(1)
                                .build()));
        assertEquals("0e7761dd-ee98-41f0-ba35-05994e446431", id[0]);
    }

    @Test
    void createBackup_withMetadataAndZeroRotation_sendsBoth() throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION)).willReturn(accepted().withBody("{\"image_id\": \"i\"}")));
        assertSent(
                "2.93",
                ACTION,
                "{\"createBackup\": {\"name\": \"b\", \"backup_type\": \"daily\", \"rotation\": 0,"
                        + " \"metadata\": {\"k\": \"v\"}}}",
                s -> s.createBackup(
                        ID,
                        ServerBackupCreate.builder()
                                .name("b")
                                .backupType("daily")
                                .rotation(0)
                                .metadata(Map.of("k", "v"))
                                .build()));
    }

    // ------------------------------------------------------------------ remote consoles

    @ParameterizedTest
    @CsvSource({
        "2.6, NOVNC, os-remote-consoles/v2.6/create-vnc-console-req.json,"
                + " os-remote-consoles/v2.6/create-vnc-console-resp.json",
        "2.6, RDP_HTML5, os-remote-consoles/v2.6/create-rdp-console-req.json,",
        "2.8, WEBMKS, os-remote-consoles/v2.8/create-mks-console-req.json,"
                + " os-remote-consoles/v2.8/create-mks-console-resp.json"
    })
    void remoteConsole_from26_postsRemoteConsolesSample(String version, ConsoleType type, String req, String resp)
            throws Exception {
        String path = "/v2.1/servers/" + ID + "/remote-consoles";
        String body = resp == null
                ? "{\"remote_console\": {\"protocol\": \"rdp\", \"type\": \"rdp-html5\", \"url\": \"http://x\"}}"
                : sample(SAMPLES + resp);
        wm.stubFor(post(urlEqualTo(path)).willReturn(okJson(body)));
        RemoteConsole[] console = new RemoteConsole[1];
        assertSent(version, path, sample(SAMPLES + req), s -> console[0] = s.remoteConsole(ID, type));
        JsonNode expected = JSON.readTree(body).get("remote_console");
        assertEquals(type, console[0].type());
        assertEquals(type.protocol(), console[0].protocol());
        assertEquals(Optional.of(expected.get("protocol").asText()), console[0].protocolRaw());
        assertEquals(expected.get("url").asText(), console[0].url());
        assertFalse(console[0].toString().contains("token"), console[0].toString());
    }

    @ParameterizedTest
    @CsvSource({"NOVNC, vnc", "SPICE_HTML5, spice", "RDP_HTML5, rdp", "SERIAL, serial"})
    void remoteConsole_before26_postsTheLegacyActionSample(ConsoleType type, String name) throws Exception {
        wm.stubFor(post(urlEqualTo(ACTION))
                .willReturn(okJson(sample(SAMPLES + "os-remote-consoles/get-" + name + "-console-post-resp.json"))));
        RemoteConsole[] console = new RemoteConsole[1];
        assertSent(
                "2.5",
                ACTION,
                sample(SAMPLES + "os-remote-consoles/get-" + name + "-console-post-req.json"),
                s -> console[0] = s.remoteConsole(ID, type));
        JsonNode expected = Samples.tree(JSON, SAMPLES + "os-remote-consoles/get-" + name + "-console-post-resp.json")
                .get("console");
        assertEquals(type, console[0].type());
        assertEquals(type.protocol(), console[0].protocol());
        assertEquals(Optional.empty(), console[0].protocolRaw());
        assertEquals(expected.get("url").asText(), console[0].url());
    }

    @Test
    void remoteConsole_webmksPinned25_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.5").build()) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> pinned.servers().remoteConsole(ID, ConsoleType.WEBMKS));
            assertTrue(e.getMessage().contains("webmks") && e.getMessage().contains("2.8"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void remoteConsole_webmksPinned27_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.7").build()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> pinned.servers().remoteConsole(ID, ConsoleType.WEBMKS));
            assertTrue(e.getMessage().contains("mks") && e.getMessage().contains("2.8"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void remoteConsole_unavailableType_throwsConsoleUnavailableWithNovaMessage() {
        // The lab's answer: no console proxy is enabled there.
        wm.stubFor(post(urlEqualTo("/v2.1/servers/" + ID + "/remote-consoles"))
                .willReturn(badRequest("Unavailable console type novnc.")));
        ConsoleUnavailableException e = assertThrows(
                ConsoleUnavailableException.class, () -> client.servers().remoteConsole(ID, ConsoleType.NOVNC));
        assertEquals(ConsoleType.NOVNC, e.type());
        assertEquals(400, e.statusCode());
        assertEquals(Optional.of("Unavailable console type novnc."), e.serviceMessage());
        assertEquals(Optional.of("req-400"), e.requestId());
    }

    @Test
    void remoteConsole_otherBadRequest_staysABadRequest() {
        wm.stubFor(post(urlEqualTo("/v2.1/servers/" + ID + "/remote-consoles"))
                .willReturn(badRequest("Invalid input for field/attribute remote_console.")));
        BadRequestException e =
                assertThrows(BadRequestException.class, () -> client.servers().remoteConsole(ID, ConsoleType.NOVNC));
        assertFalse(e instanceof ConsoleUnavailableException);
    }

    @Test
    void remoteConsole_unknownType_refusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> client.servers().remoteConsole(ID, ConsoleType.UNKNOWN));
        wm.verify(0, postRequestedFor(anyUrl()));
    }
}
