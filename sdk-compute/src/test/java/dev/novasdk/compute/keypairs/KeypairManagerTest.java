package dev.novasdk.compute.keypairs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.ConflictException;
import dev.novasdk.core.error.ForbiddenException;
import dev.novasdk.core.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KeypairManager} against a WireMock nova negotiating 2.93: requests sent and responses read. Bodies are
 * nova's api-samples ({@code doc/api_samples/os-keypairs/...}) or, for errors, what the lab's nova answered.
 */
class KeypairManagerTest {
    static final String KEYPAIRS = "/v2.1/os-keypairs";
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMj0nimRSZ6DZzxO85H2oBFb5wNC3PKoRs97Hd6xw97F wtq";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();
    ComputeClient client;
    KeypairManager keypairs;

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
        client = ComputeStubs.client(wm, time).build();
        keypairs = client.keypairs();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    static String entry(String name) {
        return "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"" + KEY + "\", \"fingerprint\": \"f\", "
                + "\"type\": \"ssh\"}}";
    }

    @Test
    void list_pages_followsKeypairsLinks() {
        String first = KEYPAIRS + "?limit=1";
        String second = KEYPAIRS + "?limit=1&marker=a";
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson("{\"keypairs\": [" + entry("a") + "], \"keypairs_links\": [{\"rel\": \"next\", "
                        + "\"href\": \"" + wm.baseUrl() + second + "\"}]}")));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"keypairs\": [" + entry("b") + "]}")));
        List<String> names = keypairs.list(KeypairListOptions.builder().limit(1).build()).stream()
                .map(Keypair::name)
                .collect(Collectors.toList());
        assertEquals(List.of("a", "b"), names);
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), "2.93"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.93"));
    }

    @Test
    void list_userId_sendsQueryAndReadsSample() {
        // Source: nova doc/api_samples/os-keypairs/v2.35/keypairs-list-user1-resp.json
        wm.stubFor(get(urlEqualTo(KEYPAIRS + "?user_id=user1"))
                .willReturn(okJson(sample("compute/os-keypairs/v2.35/keypairs-list-user1-resp.json"))));
        Keypair k = keypairs.list(KeypairListOptions.builder().userId("user1").build())
                .iterator()
                .next();
        assertEquals("keypair-5d935425-31d5-48a7-a0f1-e76e9813f2c3", k.name());
        assertEquals(KeypairType.SSH, k.type());
    }

    @Test
    void list_limitPinnedBelow235_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.34").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.keypairs()
                    .list(KeypairListOptions.builder().limit(5).build())
                    .iterator()
                    .hasNext());
            assertTrue(e.getMessage().contains("limit") && e.getMessage().contains("2.35"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void list_otherUserAsNonAdmin_forbiddenWithNovaMessage() {
        wm.stubFor(get(urlEqualTo(KEYPAIRS + "?user_id=u2"))
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow "
                                + "os_compute_api:os-keypairs:index to be performed.\"}}")));
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> keypairs.list(
                        KeypairListOptions.builder().userId("u2").build())
                .iterator()
                .hasNext());
        assertEquals(
                Optional.of("Policy doesn't allow os_compute_api:os-keypairs:index to be performed."),
                e.serviceMessage());
    }

    @Test
    void get_existing_readsShowSample() {
        // Source: nova doc/api_samples/os-keypairs/v2.10/keypairs-get-resp.json
        wm.stubFor(get(urlEqualTo(KEYPAIRS + "/k1"))
                .willReturn(okJson(sample("compute/os-keypairs/v2.10/keypairs-get-resp.json"))));
        Keypair k = keypairs.get("k1");
        assertEquals(Optional.of(1), k.id());
        assertEquals(Optional.of("fake"), k.userId());
        assertTrue(k.createdAt().isPresent());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(KEYPAIRS + "/k1")), "2.93"));
    }

    @Test
    void get_otherUser_sendsUserIdQuery() {
        wm.stubFor(get(urlEqualTo(KEYPAIRS + "/k1?user_id=u2"))
                .willReturn(okJson(sample("compute/os-keypairs/v2.10/keypairs-get-resp.json"))));
        keypairs.get("k1", "u2");
        wm.verify(1, compute(getRequestedFor(urlEqualTo(KEYPAIRS + "/k1?user_id=u2")), "2.93"));
    }

    @Test
    void find_missing_emptyAndGetThrowsNotFound() {
        wm.stubFor(get(urlEqualTo(KEYPAIRS + "/nope"))
                .willReturn(itemNotFound("Keypair nope not found for user b446ac41", "req-1")));
        assertEquals(Optional.empty(), keypairs.find("nope"));
        NotFoundException e = assertThrows(NotFoundException.class, () -> keypairs.get("nope"));
        assertEquals(Optional.of("Keypair nope not found for user b446ac41"), e.serviceMessage());
    }

    @Test
    void importPublicKey_postsNameAndKey() {
        // Source: nova doc/api_samples/os-keypairs/v2.92/keypairs-import-post-resp.json; 201 as the lab answers
        wm.stubFor(post(urlEqualTo(KEYPAIRS))
                .willReturn(okJson(sample("compute/os-keypairs/v2.92/keypairs-import-post-resp.json"))
                        .withStatus(201)));
        Keypair k = keypairs.importPublicKey("wtq-kp1", KEY);
        assertEquals(Optional.of("1e:2c:9b:56:79:4b:45:77:f9:ca:7a:98:2c:b0:d5:3c"), k.fingerprint());
        assertEquals(Optional.empty(), k.privateKey());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(KEYPAIRS)), "2.93")
                        .withRequestBody(equalToJson(
                                "{\"keypair\": {\"name\": \"wtq-kp1\", \"public_key\": \"" + KEY + "\"}}")));
    }

    @Test
    void create_generateNegotiating_goesAt291AndReturnsPrivateKeyOnce() {
        // Source: nova doc/api_samples/os-keypairs/v2.35/keypairs-post-resp.json
        wm.stubFor(post(urlEqualTo(KEYPAIRS))
                .willReturn(okJson(sample("compute/os-keypairs/v2.35/keypairs-post-resp.json"))
                        .withStatus(201)));
        Keypair k = keypairs.create(
                KeypairCreate.builder().name("gen").type(KeypairType.SSH).build());
        assertTrue(k.privateKey().orElseThrow().startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertFalse(k.toString().contains("BEGIN RSA PRIVATE KEY"), k.toString());
        wm.verify(
                1,
                compute(postRequestedFor(urlEqualTo(KEYPAIRS)), "2.91")
                        .withRequestBody(equalToJson("{\"keypair\": {\"name\": \"gen\", \"type\": \"ssh\"}}")));
    }

    @Test
    void create_generatePinnedAt292_refusedBeforeSendingNamingVersion() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.92").build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.keypairs()
                    .create(KeypairCreate.builder().name("gen").build()));
            assertTrue(
                    e.getMessage().contains("public_key")
                            && e.getMessage().contains("2.92")
                            && e.getMessage().contains("the client uses 2.92"),
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void create_existingName_conflict() {
        wm.stubFor(post(urlEqualTo(KEYPAIRS))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": "
                                + "\"Key pair 'wtq-kp1' already exists.\"}}")));
        ConflictException e = assertThrows(ConflictException.class, () -> keypairs.importPublicKey("wtq-kp1", KEY));
        assertEquals(Optional.of("Key pair 'wtq-kp1' already exists."), e.serviceMessage());
    }

    @Test
    void delete_existing_sendsDelete() {
        wm.stubFor(
                delete(urlEqualTo(KEYPAIRS + "/wtq-kp1")).willReturn(aResponse().withStatus(204)));
        keypairs.delete("wtq-kp1");
        wm.verify(1, compute(deleteRequestedFor(urlEqualTo(KEYPAIRS + "/wtq-kp1")), "2.93"));
    }

    @Test
    void delete_nameWithSpaceAndAt_isEscapedAsOneSegment() {
        wm.stubFor(delete(urlEqualTo(KEYPAIRS + "/me@host%20key"))
                .willReturn(aResponse().withStatus(204)));
        keypairs.delete("me@host key");
        wm.verify(1, deleteRequestedFor(urlEqualTo(KEYPAIRS + "/me@host%20key")));
    }

    @Test
    void delete_otherUserPinnedBelow210_refusedBeforeSending() {
        try (ComputeClient pinned =
                ComputeStubs.client(wm, time).microversion("2.9").build()) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> pinned.keypairs().delete("k", "u2"));
            assertTrue(e.getMessage().contains("user_id") && e.getMessage().contains("2.10"), e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
