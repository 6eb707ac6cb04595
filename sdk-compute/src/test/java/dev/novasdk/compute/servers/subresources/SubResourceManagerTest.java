package dev.novasdk.compute.servers.subresources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.servers.ServerAddress;
import dev.novasdk.compute.servers.ServerManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentListOptions;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import dev.novasdk.compute.servers.info.SecurityGroup;
import dev.novasdk.compute.servers.info.ServerDiagnostics;
import dev.novasdk.compute.servers.info.ServerTopology;
import dev.novasdk.compute.servers.migrations.ServerMigration;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server sub-resource managers against a WireMock nova negotiating 2.93 like the lab (or a client pinned
 * lower where a test says so): method, path, token, microversion headers and body of what they send, what
 * they make of nova's samples and of the lab's recorded answers, and what they refuse before sending.
 */
class SubResourceManagerTest {
    static final String ID = "63dee581-7d1d-4daf-8deb-cce430fb9c6d";
    static final String SERVER = "/v2.1/servers/" + ID;
    static final String ROOT = "compute/doc/api_samples/";
    static final ObjectMapper JSON = dev.novasdk.core.internal.JsonCodec.defaultMapper();

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    ComputeClient client;
    ServerManager servers;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, new ComputeStubs.FakeTime()).build();
        servers = client.servers();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String sample(String path) {
        return new String(Samples.bytes(ROOT + path), StandardCharsets.UTF_8);
    }

    static JsonNode tree(String path) {
        return Samples.tree(JSON, ROOT + path);
    }

    ServerManager pinned(String version) {
        return ComputeStubs.client(wm, new ComputeStubs.FakeTime())
                .microversion(version)
                .build()
                .servers();
    }

    static void nothingSent() {
        assertEquals(
                0,
                wm.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().startsWith(SERVER))
                        .count(),
                "no request to the server's sub-resources");
    }

    // ------------------------------------------------------------------ metadata

    @Test
    void metadataList_sample_readsEveryItem() {
        wm.stubFor(get(urlEqualTo(SERVER + "/metadata"))
                .willReturn(okJson(sample("server-metadata/server-metadata-all-resp.json"))));
        assertEquals(Map.of("foo", "Foo Value"), servers.metadata().list(ID));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/metadata")), "2.93"));
    }

    @Test
    void metadataUpdate_postsItemsAndReturnsAllMetadata() {
        wm.stubFor(post(urlEqualTo(SERVER + "/metadata"))
                .willReturn(okJson("{\"metadata\": {\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}}")));
        Map<String, String> after = servers.metadata().update(ID, Map.of("c", "3"));
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), after);
        assertEquals(List.of("a", "b", "c"), new ArrayList<>(after.keySet()), "nova's order");
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(SERVER + "/metadata")), "2.93")
                        .withRequestBody(equalToJson("{\"metadata\": {\"c\": \"3\"}}")));
    }

    @Test
    void metadataReplace_empty_putsEmptyMap() {
        wm.stubFor(put(urlEqualTo(SERVER + "/metadata")).willReturn(okJson("{\"metadata\": {}}")));
        assertEquals(Map.of(), servers.metadata().replace(ID, Map.of()));
        wm.verify(
                1,
                putRequestedFor(urlEqualTo(SERVER + "/metadata")).withRequestBody(equalToJson("{\"metadata\": {}}")));
    }

    @Test
    void metadataGet_sample_returnsValue() {
        wm.stubFor(get(urlEqualTo(SERVER + "/metadata/foo"))
                .willReturn(okJson(sample("server-metadata/server-metadata-resp.json"))));
        assertEquals("Foo Value", servers.metadata().get(ID, "foo"));
    }

    @Test
    void metadataGet_missingKey_throwsNotFoundWithLabMessage() {
        wm.stubFor(get(urlEqualTo(SERVER + "/metadata/zz"))
                .willReturn(itemNotFound("Metadata item was not found", "req-1")));
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> servers.metadata().get(ID, "zz"));
        assertEquals(Optional.of("Metadata item was not found"), e.serviceMessage());
    }

    @Test
    void metadataSetAndDelete_keyWithSpace_isEscapedInThePath() {
        wm.stubFor(put(urlEqualTo(SERVER + "/metadata/a%20b")).willReturn(okJson("{\"meta\": {\"a b\": \"x\"}}")));
        wm.stubFor(delete(urlEqualTo(SERVER + "/metadata/a%20b"))
                .willReturn(aResponse().withStatus(204)));
        servers.metadata().set(ID, "a b", "x");
        servers.metadata().delete(ID, "a b");
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(SERVER + "/metadata/a%20b")), "2.93")
                        .withRequestBody(equalToJson("{\"meta\": {\"a b\": \"x\"}}")));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/metadata/a%20b")), "2.93"));
    }

    @Test
    void metadata_badKeysAndValues_refusedBeforeSending() {
        String longValue = "x".repeat(256);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> servers.metadata().update(ID, Map.of("", "v")));
        assertTrue(e.getMessage().contains("metadata key ''"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> servers.metadata().set(ID, "x/y", "v"));
        assertThrows(IllegalArgumentException.class, () -> servers.metadata().set(ID, "k".repeat(256), "v"));
        e = assertThrows(
                IllegalArgumentException.class, () -> servers.metadata().replace(ID, Map.of("k", longValue)));
        assertTrue(e.getMessage().contains("256 characters"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> servers.metadata().update(ID, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> servers.metadata().get(ID, "a,b/c"));
        nothingSent();
    }

    @Test
    void metadata_valueOf255Characters_isSent() {
        wm.stubFor(put(urlEqualTo(SERVER + "/metadata/k")).willReturn(okJson("{\"meta\": {}}")));
        servers.metadata().set(ID, "k", "v".repeat(255));
        wm.verify(1, putRequestedFor(urlEqualTo(SERVER + "/metadata/k")));
    }

    @Test
    void metadataReplace_tooManyItems_labsForbiddenIsTyped() {
        wm.stubFor(
                put(urlEqualTo(SERVER + "/metadata"))
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"forbidden\": {\"code\": 403, \"message\": \"Maximum number of metadata items exceeds 128\"}}")));
        ForbiddenException e =
                assertThrows(ForbiddenException.class, () -> servers.metadata().replace(ID, Map.of("a", "b")));
        assertEquals(Optional.of("Maximum number of metadata items exceeds 128"), e.serviceMessage());
    }

    // ------------------------------------------------------------------ tags

    @Test
    void tagsList_sample_readsTags() {
        wm.stubFor(get(urlEqualTo(SERVER + "/tags"))
                .willReturn(okJson(sample("os-server-tags/v2.26/server-tags-index-resp.json"))));
        assertEquals(List.of("tag1", "tag2"), servers.tags().list(ID));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/tags")), "2.93"));
    }

    @Test
    void tagsReplace_sample_returnsTags() {
        wm.stubFor(put(urlEqualTo(SERVER + "/tags"))
                .willReturn(okJson(sample("os-server-tags/v2.26/server-tags-put-all-resp.json"))));
        assertEquals(List.of("tag1", "tag2"), servers.tags().replace(ID, List.of("tag1", "tag2")));
    }

    @Test
    void tagsAddContainsDelete_useTheTagPath() {
        wm.stubFor(put(urlEqualTo(SERVER + "/tags/t3")).willReturn(aResponse().withStatus(201)));
        wm.stubFor(get(urlEqualTo(SERVER + "/tags/t3")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(
                delete(urlEqualTo(SERVER + "/tags/t3")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(delete(urlEqualTo(SERVER + "/tags")).willReturn(aResponse().withStatus(204)));
        servers.tags().add(ID, "t3");
        assertTrue(servers.tags().contains(ID, "t3"));
        servers.tags().delete(ID, "t3");
        servers.tags().deleteAll(ID);
        wm.verify(1, compute(putRequestedFor(urlEqualTo(SERVER + "/tags/t3")), "2.93"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/tags/t3")), "2.93"));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/tags/t3")), "2.93"));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/tags")), "2.93"));
    }

    @Test
    void tagsContains_missingTag_isFalse_missingServer_throws() {
        wm.stubFor(get(urlEqualTo(SERVER + "/tags/t9"))
                .willReturn(itemNotFound("Server " + ID + " has no tag 't9'", "req-2")));
        wm.stubFor(get(urlEqualTo("/v2.1/servers/nope/tags/t9"))
                .willReturn(itemNotFound("Instance nope could not be found.", "req-3")));
        assertFalse(servers.tags().contains(ID, "t9"));
        assertThrows(NotFoundException.class, () -> servers.tags().contains("nope", "t9"));
    }

    @Test
    void tags_badTags_refusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> servers.tags().add(ID, "a,b"));
        assertThrows(IllegalArgumentException.class, () -> servers.tags().add(ID, "a/b"));
        assertThrows(IllegalArgumentException.class, () -> servers.tags().add(ID, ""));
        assertThrows(IllegalArgumentException.class, () -> servers.tags().add(ID, "x".repeat(61)));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("t" + i);
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> servers.tags().replace(ID, many));
        assertTrue(e.getMessage().contains("at most 50"), e.getMessage());
        nothingSent();
    }

    @Test
    void tagsReplace_fiftyDistinctWithRepeats_isSent() {
        wm.stubFor(put(urlEqualTo(SERVER + "/tags")).willReturn(okJson("{\"tags\": []}")));
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add("t" + i);
        }
        tags.add("t0");
        servers.tags().replace(ID, tags);
        wm.stubFor(put(urlEqualTo(SERVER + "/tags/" + "y".repeat(60)))
                .willReturn(aResponse().withStatus(201)));
        servers.tags().add(ID, "y".repeat(60));
        wm.verify(1, putRequestedFor(urlEqualTo(SERVER + "/tags")));
        wm.verify(1, putRequestedFor(urlEqualTo(SERVER + "/tags/" + "y".repeat(60))));
    }

    @Test
    void tags_clientPinnedBelow226_refusesNamingOperationAndVersions() {
        ServerManager old = pinned("2.25");
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> old.tags().list(ID));
        assertEquals(
                "servers.tags.list is served in compute microversions 2.26 or later; the client is pinned to 2.25",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> old.tags().contains(ID, "t"));
        nothingSent();
    }

    // ------------------------------------------------------------------ ips

    @Test
    void ipsList_sample_readsAddressesByNetwork() {
        wm.stubFor(get(urlEqualTo(SERVER + "/ips")).willReturn(okJson(sample("server-ips/server-ips-resp.json"))));
        Map<String, List<ServerAddress>> ips = servers.ips().list(ID);
        assertEquals(List.of("private"), new ArrayList<>(ips.keySet()));
        assertEquals(
                List.of(ServerAddress.builder().addr("192.168.1.30").version(4).build()), ips.get("private"));
        assertEquals(tree("server-ips/server-ips-resp.json").get("addresses"), JSON.valueToTree(ips));
    }

    @Test
    void ipsByNetwork_sample_readsThatNetworkWithEscapedLabel() {
        wm.stubFor(get(urlEqualTo(SERVER + "/ips/private"))
                .willReturn(okJson(sample("server-ips/server-ips-network-resp.json"))));
        wm.stubFor(get(urlEqualTo(SERVER + "/ips/my%20net")).willReturn(okJson("{\"my net\": []}")));
        List<ServerAddress> addresses = servers.ips().list(ID, "private");
        assertEquals(tree("server-ips/server-ips-network-resp.json").get("private"), JSON.valueToTree(addresses));
        assertEquals(List.of(), servers.ips().list(ID, "my net"));
    }

    @Test
    void ipsByNetwork_notOnNetwork_throwsNotFound() {
        wm.stubFor(get(urlEqualTo(SERVER + "/ips/private"))
                .willReturn(itemNotFound("Instance is not a member of specified network", "req-4")));
        NotFoundException e =
                assertThrows(NotFoundException.class, () -> servers.ips().list(ID, "private"));
        assertEquals(Optional.of("Instance is not a member of specified network"), e.serviceMessage());
    }

    // ------------------------------------------------------------------ password

    @Test
    void passwordGet_sample_returnsEncryptedPassword() {
        wm.stubFor(get(urlEqualTo(SERVER + "/os-server-password"))
                .willReturn(okJson(sample("os-server-password/get-password-resp.json"))));
        assertEquals(
                Optional.of(tree("os-server-password/get-password-resp.json")
                        .get("password")
                        .asText()),
                servers.password().get(ID));
    }

    @Test
    void passwordGet_emptyAsTheLabAnswers_isEmpty_andClearDeletes() {
        wm.stubFor(get(urlEqualTo(SERVER + "/os-server-password")).willReturn(okJson("{\"password\": \"\"}")));
        wm.stubFor(delete(urlEqualTo(SERVER + "/os-server-password"))
                .willReturn(aResponse().withStatus(204)));
        assertEquals(Optional.empty(), servers.password().get(ID));
        servers.password().clear(ID);
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/os-server-password")), "2.93"));
    }

    // ------------------------------------------------------------------ diagnostics

    @Test
    void diagnostics_from248_typed() {
        wm.stubFor(get(urlEqualTo(SERVER + "/diagnostics"))
                .willReturn(okJson(sample("os-server-diagnostics/v2.48/server-diagnostics-get-resp.json"))));
        ServerDiagnostics d = servers.diagnostics().get(ID);
        assertEquals(Optional.of("running"), d.state());
        assertEquals(Optional.of(46664L), d.uptime());
        assertEquals(Optional.of(17300000000L), d.cpuDetails().get(0).time());
        assertEquals(Optional.of("01:23:45:67:89:ab"), d.nicDetails().get(0).macAddress());
        assertEquals(Optional.of(524288L), d.memoryDetails().flatMap(ServerDiagnostics.Memory::maximum));
        assertTrue(d.legacyValues().isEmpty());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/diagnostics")), "2.93"));
    }

    @Test
    void diagnostics_before248_keepsEveryLegacyValue() {
        wm.stubFor(get(urlEqualTo(SERVER + "/diagnostics"))
                .willReturn(okJson(sample("os-server-diagnostics/server-diagnostics-get-resp.json"))));
        ServerDiagnostics d = pinned("2.47").diagnostics().get(ID);
        assertEquals(
                tree("os-server-diagnostics/server-diagnostics-get-resp.json"), JSON.valueToTree(d.legacyValues()));
        assertEquals(Optional.empty(), d.state());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/diagnostics")), "2.47"));
    }

    // ------------------------------------------------------------------ topology

    @Test
    void topology_adminSample_readsPinning_andLabsEmptyTopology() {
        wm.stubFor(get(urlEqualTo(SERVER + "/topology"))
                .willReturn(okJson(sample("os-server-topology/v2.78/servers-topology-resp.json"))));
        ServerTopology t = servers.topology().get(ID);
        assertEquals(Optional.of(4), t.pagesizeKb());
        assertEquals(Map.of("0", 0, "1", 5), t.nodes().get(0).cpuPinning());
        assertEquals(List.of(List.of(2, 3)), t.nodes().get(1).siblings());
        wm.stubFor(get(urlEqualTo(SERVER + "/topology")).willReturn(okJson("{\"nodes\": [], \"pagesize_kb\": null}")));
        ServerTopology none = servers.topology().get(ID);
        assertEquals(List.of(), none.nodes());
        assertEquals(Optional.empty(), none.pagesizeKb());
    }

    @Test
    void topology_pinnedBelow278_refused() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> pinned("2.77").topology().get(ID));
        assertTrue(e.getMessage().startsWith("servers.topology.get is served in compute microversions 2.78 or later"));
        nothingSent();
    }

    // ------------------------------------------------------------------ security groups

    @Test
    void securityGroups_listSampleAndActions() {
        wm.stubFor(get(urlEqualTo(SERVER + "/os-security-groups"))
                .willReturn(okJson(sample("os-security-groups/server-security-groups-list-resp.json"))));
        wm.stubFor(post(urlEqualTo(SERVER + "/action")).willReturn(aResponse().withStatus(202)));
        List<SecurityGroup> groups = servers.securityGroups().list(ID);
        assertEquals("default", groups.get(0).name());
        assertEquals(
                Optional.of("6f70656e737461636b20342065766572"), groups.get(0).tenantId());
        servers.securityGroups().add(ID, "web");
        servers.securityGroups().remove(ID, "web");
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(SERVER + "/action")), "2.93")
                        .withRequestBody(equalToJson("{\"addSecurityGroup\": {\"name\": \"web\"}}")));
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(SERVER + "/action")), "2.93")
                        .withRequestBody(equalToJson("{\"removeSecurityGroup\": {\"name\": \"web\"}}")));
        assertThrows(
                IllegalArgumentException.class, () -> servers.securityGroups().add(ID, " "));
    }

    // ------------------------------------------------------------------ migrations

    @Test
    void migrations_listAndGetSamples_2_80() {
        wm.stubFor(get(urlEqualTo(SERVER + "/migrations"))
                .willReturn(okJson(sample("server-migrations/v2.80/migrations-index.json"))));
        wm.stubFor(get(urlEqualTo(SERVER + "/migrations/1"))
                .willReturn(okJson(sample("server-migrations/v2.80/migrations-get.json"))));
        List<ServerMigration> list = servers.migrations().list(ID);
        assertEquals(1, list.size());
        assertEquals(Optional.of(111111L), list.get(0).memoryRemainingBytes());
        ServerMigration m = servers.migrations().get(ID, 1);
        assertEquals(1L, m.id());
        assertEquals(Optional.of("5f705771-3aa9-4f4c-8660-0d9522ffdbea"), m.projectId());
        assertEquals(Optional.of(java.time.Instant.parse("2016-01-29T13:42:02Z")), m.createdAt());
    }

    @Test
    void migrations_forceCompleteAndAbort_labsConflictIsTyped() {
        wm.stubFor(post(urlEqualTo(SERVER + "/migrations/7/action"))
                .willReturn(aResponse().withStatus(202)));
        wm.stubFor(delete(urlEqualTo(SERVER + "/migrations/7"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"Instance " + ID
                                + " is in an invalid state for 'abort live migration'\"}}")));
        servers.migrations().forceComplete(ID, 7);
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(SERVER + "/migrations/7/action")), "2.93")
                        .withRequestBody(equalToJson("{\"force_complete\": null}")));
        ConflictException e =
                assertThrows(ConflictException.class, () -> servers.migrations().abort(ID, 7));
        assertTrue(e.serviceMessage().orElseThrow().endsWith("'abort live migration'"));
    }

    @Test
    void migrations_pinnedBelowEachOperationsVersion_refused() {
        assertTrue(assertThrows(
                        IllegalStateException.class,
                        () -> pinned("2.21").migrations().forceComplete(ID, 1))
                .getMessage()
                .startsWith("servers.migrations.forceComplete is served in compute microversions 2.22"));
        assertTrue(assertThrows(
                        IllegalStateException.class,
                        () -> pinned("2.22").migrations().list(ID))
                .getMessage()
                .startsWith("servers.migrations.list is served in compute microversions 2.23"));
        assertTrue(assertThrows(
                        IllegalStateException.class,
                        () -> pinned("2.23").migrations().abort(ID, 1))
                .getMessage()
                .startsWith("servers.migrations.abort is served in compute microversions 2.24"));
        nothingSent();
    }

    // ------------------------------------------------------------------ volume attachments

    @Test
    void volumeAttachments_listPagesByOffsetWhilePagesAreFull() {
        String v289 = sample("os-volume_attachments/v2.89/list-volume-attachments-resp.json");
        JsonNode items = tree("os-volume_attachments/v2.89/list-volume-attachments-resp.json")
                .get("volumeAttachments");
        wm.stubFor(get(urlEqualTo(SERVER + "/os-volume_attachments?limit=1"))
                .willReturn(okJson("{\"volumeAttachments\": [" + items.get(0) + "]}")));
        wm.stubFor(get(urlEqualTo(SERVER + "/os-volume_attachments?limit=1&offset=1"))
                .willReturn(okJson("{\"volumeAttachments\": [" + items.get(1) + "]}")));
        wm.stubFor(get(urlEqualTo(SERVER + "/os-volume_attachments?limit=1&offset=2"))
                .willReturn(okJson("{\"volumeAttachments\": []}")));
        List<String> volumes =
                servers
                        .volumeAttachments()
                        .list(ID, VolumeAttachmentListOptions.builder().limit(1).build())
                        .stream()
                        .map(VolumeAttachment::volumeId)
                        .collect(Collectors.toList());
        assertEquals(List.of("227cc671-f30b-4488-96fd-7d0bf13648d8", "a07f71dc-8151-4e7d-a0cc-cd24a3f11113"), volumes);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(SERVER + "/os-volume_attachments?limit=1&offset=2")), "2.93"));

        wm.stubFor(get(urlEqualTo(SERVER + "/os-volume_attachments")).willReturn(okJson(v289)));
        List<VolumeAttachment> all = new ArrayList<>();
        servers.volumeAttachments().list(ID).forEach(all::add);
        assertEquals(2, all.size(), "a short page without a limit is the last");
        assertEquals(
                Optional.of("1aa24536-6fb5-426c-8894-d627f39aa48b"), all.get(1).bdmUuid());
    }

    @Test
    void volumeAttachments_getAttachUpdateDetach() {
        String vol = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113";
        wm.stubFor(get(urlEqualTo(SERVER + "/os-volume_attachments/" + vol))
                .willReturn(okJson(sample("os-volume_attachments/v2.79/volume-attachment-detail-resp.json"))));
        wm.stubFor(post(urlEqualTo(SERVER + "/os-volume_attachments"))
                .willReturn(okJson(sample("os-volume_attachments/v2.79/attach-volume-to-server-resp.json"))));
        wm.stubFor(put(urlEqualTo(SERVER + "/os-volume_attachments/" + vol))
                .willReturn(aResponse().withStatus(202)));
        wm.stubFor(delete(urlEqualTo(SERVER + "/os-volume_attachments/" + vol))
                .willReturn(aResponse().withStatus(202)));
        VolumeAttachment shown = servers.volumeAttachments().get(ID, vol);
        assertEquals(Optional.of(true), shown.deleteOnTermination());
        VolumeAttachment attached = servers.volumeAttachments()
                .attach(
                        ID,
                        VolumeAttachmentCreate.builder()
                                .volumeId(vol)
                                .tag("foo")
                                .deleteOnTermination(true)
                                .build());
        assertEquals(Optional.of("/dev/sdb"), attached.device());
        servers.volumeAttachments()
                .update(
                        ID,
                        vol,
                        VolumeAttachmentUpdate.builder()
                                .volumeId(vol)
                                .deleteOnTermination(false)
                                .build());
        servers.volumeAttachments().detach(ID, vol);
        wm.verify(
                1,
                compute(putRequestedFor(urlEqualTo(SERVER + "/os-volume_attachments/" + vol)), "2.93")
                        .withRequestBody(equalToJson("{\"volumeAttachment\": {\"volumeId\": \"" + vol
                                + "\", \"delete_on_termination\": false}}")));
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/os-volume_attachments/" + vol)), "2.93"));
    }

    @Test
    void volumeAttachments_fieldsAboveThePinnedVersion_refusedNamingTheField() {
        ServerManager at248 = pinned("2.48");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> at248.volumeAttachments()
                .attach(
                        ID,
                        VolumeAttachmentCreate.builder().volumeId("v").tag("t").build()));
        assertEquals("field 'tag' requires compute microversion 2.49 or later; the client uses 2.48", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pinned("2.84")
                .volumeAttachments()
                .update(
                        ID,
                        "v",
                        VolumeAttachmentUpdate.builder()
                                .volumeId("v")
                                .deleteOnTermination(true)
                                .build()));
        assertTrue(e.getMessage().startsWith("field 'delete_on_termination' requires compute microversion 2.85"));
        assertThrows(IllegalArgumentException.class, () -> VolumeAttachmentCreate.builder()
                .volumeId("v")
                .device("bogus")
                .build());
        assertThrows(
                IllegalArgumentException.class,
                () -> VolumeAttachmentCreate.builder().volumeId("v").tag("a/b").build());
        assertThrows(
                IllegalArgumentException.class,
                () -> VolumeAttachmentListOptions.builder().limit(0).build());
        nothingSent();
    }

    // ------------------------------------------------------------------ interface attachments

    @Test
    void interfaceAttachments_listShowAttachDetachSamples() {
        String port = "ce531f90-199f-48c0-816c-13e38010b442";
        wm.stubFor(get(urlEqualTo(SERVER + "/os-interface"))
                .willReturn(okJson(sample("os-attach-interfaces/v2.70/attach-interfaces-list-resp.json"))));
        wm.stubFor(get(urlEqualTo(SERVER + "/os-interface/" + port))
                .willReturn(okJson(sample("os-attach-interfaces/v2.70/attach-interfaces-show-resp.json"))));
        wm.stubFor(post(urlEqualTo(SERVER + "/os-interface"))
                .willReturn(okJson(sample("os-attach-interfaces/v2.70/attach-interfaces-create-resp.json"))));
        wm.stubFor(delete(urlEqualTo(SERVER + "/os-interface/" + port))
                .willReturn(aResponse().withStatus(202)));
        List<InterfaceAttachment> list = servers.interfaceAttachments().list(ID);
        assertEquals(port, list.get(0).portId());
        assertEquals(
                Optional.of("f8a6e8f8-c2ec-497c-9f23-da9616de54ef"),
                list.get(0).fixedIps().get(0).subnetId());
        assertEquals(
                Optional.of("public"),
                servers.interfaceAttachments().get(ID, port).tag());
        InterfaceAttachment created = servers.interfaceAttachments()
                .attach(
                        ID,
                        InterfaceAttachmentCreate.builder()
                                .portId(port)
                                .tag("public")
                                .build());
        assertEquals(Optional.of("ACTIVE"), created.portState());
        servers.interfaceAttachments().detach(ID, port);
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(SERVER + "/os-interface/" + port)), "2.93"));
    }

    @Test
    void interfaceAttachments_badCombinations_refusedBeforeSending() {
        assertThrows(
                IllegalArgumentException.class,
                () -> InterfaceAttachmentCreate.builder().portId("p").netId("n").build());
        assertThrows(IllegalArgumentException.class, () -> InterfaceAttachmentCreate.builder()
                .portId("p")
                .addFixedIps(dev.novasdk.compute.servers.attachments.FixedIp.of("10.0.0.1"))
                .build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned("2.48")
                .interfaceAttachments()
                .attach(
                        ID,
                        InterfaceAttachmentCreate.builder().portId("p").tag("t").build()));
        assertTrue(e.getMessage().startsWith("field 'tag' requires compute microversion 2.49"));
        nothingSent();
    }
}
