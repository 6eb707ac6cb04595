package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.error.ServerErrorException;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ServerManager.create}: the body on the wire, the microversion it goes at, refusals before sending,
 * and Nova's refusals as typed exceptions.
 */
class ServerCreateRequestTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String IMAGE = "ad559bb4-31d5-469f-93b7-0a67546c4a96";
    private static final String CREATED = "{\"server\": {\"id\": \"f5dc173b-6804-445a-a6d8-c705dad5b5eb\", "
            + "\"links\": [{\"rel\": \"self\", \"href\": \"http://nova/v2.1/servers/f5dc173b\"}], "
            + "\"OS-DCF:diskConfig\": \"AUTO\", \"security_groups\": [{\"name\": \"default\"}], \"adminPass\": \"kd8YBv7xkD5k\"}}";

    private ComputeClient nova;

    private static final TokenProvider TOKENS = TokenProvider.of(AuthToken.of("tok", null));

    @BeforeEach
    void setUp() {
        wm.stubFor(
                get(urlEqualTo("/v2.1"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withBody(
                                                "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"2.93\", \"min_version\": \"2.1\"}}")));
        nova = client(null);
    }

    @AfterEach
    void tearDown() {
        nova.close();
    }

    private ComputeClient client(String pin) {
        ComputeClient.Builder b = ComputeClient.builder()
                .tokenProvider(TOKENS)
                .endpoint(URI.create(wm.baseUrl() + "/v2.1"))
                .sleeper(d -> {});
        if (pin != null) {
            b.microversion(pin);
        }
        return b.build();
    }

    private static void stubCreate(int status, String body) {
        wm.stubFor(post(urlEqualTo("/v2.1/servers"))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-openstack-request-id", "req-c1")
                        .withHeader("x-compute-request-id", "req-c1")
                        .withBody(body)));
    }

    @Test
    void create_networksNone_postsBodyAtNegotiatedVersionAndReturnsAdminPass() {
        stubCreate(202, CREATED);

        Server s = nova.servers()
                .create(ServerCreate.builder()
                        .name("vm1")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .networksNone()
                        .build());

        assertEquals("f5dc173b-6804-445a-a6d8-c705dad5b5eb", s.id());
        assertEquals(Optional.of("kd8YBv7xkD5k"), s.adminPass());
        assertFalse(s.toString().contains("kd8YBv7xkD5k"));
        wm.verify(postRequestedFor(urlEqualTo("/v2.1/servers"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.93"))
                .withHeader("X-OpenStack-Nova-API-Version", equalTo("2.93"))
                .withHeader("X-Auth-Token", equalTo("tok"))
                .withRequestBody(equalToJson("{\"server\": {\"name\": \"vm1\", \"imageRef\": \"" + IMAGE
                        + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}")));
    }

    @Test
    void create_personalityWhileNegotiating_goesAtTheLastVersionThatAcceptsIt() {
        stubCreate(202, CREATED);

        nova.servers()
                .create(ServerCreate.builder()
                        .name("vm1")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .networksNone()
                        .addPersonality("/etc/motd", "hello")
                        .build());

        wm.verify(postRequestedFor(urlEqualTo("/v2.1/servers"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.56")));
    }

    @Test
    void create_fieldNotAcceptedAtPinnedVersion_failsBeforeSending() {
        try (ComputeClient pinned = client("2.37")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pinned.servers()
                    .create(ServerCreate.builder()
                            .name("vm1")
                            .imageId(IMAGE)
                            .flavorId("1")
                            .networksNone()
                            .addTags("web")
                            .build()));

            assertTrue(
                    e.getMessage().contains("'tags'")
                            && e.getMessage().contains("2.52")
                            && e.getMessage().contains("2.37"),
                    e.getMessage());
        }
        wm.verify(0, postRequestedFor(urlEqualTo("/v2.1/servers")));
    }

    @Test
    void create_seed000SwapLargerThanFlavor_badRequestWithNovasMessageAndRequestId() {
        stubCreate(
                400,
                "{\"badRequest\": {\"message\": \"Swap drive requested is larger than instance type allows.\", \"code\": 400}}");

        BadRequestException e = assertThrows(BadRequestException.class, () -> nova.servers()
                .create(ServerCreate.builder()
                        .name("test2")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .addBlockDeviceMappings(BlockDeviceMappingV2.swap(100))
                        .build()));

        assertEquals(Optional.of("Swap drive requested is larger than instance type allows."), e.serviceMessage());
        assertEquals(Optional.of("req-c1"), e.requestId());
        assertTrue(
                e.getMessage()
                        .endsWith("/v2.1/servers -> 400 Bad Request [req-c1]: "
                                + "Swap drive requested is larger than instance type allows."),
                e.getMessage());
        // No networks: Nova requires them from 2.37, so the request went at 2.36, with the image mapping first.
        wm.verify(postRequestedFor(urlEqualTo("/v2.1/servers"))
                .withHeader("OpenStack-API-Version", equalTo("compute 2.36"))
                .withRequestBody(equalToJson("{\"server\": {\"name\": \"test2\", \"imageRef\": \"" + IMAGE + "\", "
                        + "\"flavorRef\": \"1\", \"block_device_mapping_v2\": [{\"boot_index\": 0, \"uuid\": \"" + IMAGE
                        + "\", \"source_type\": \"image\", \"destination_type\": \"local\", \"delete_on_termination\": true}, "
                        + "{\"guest_format\": \"swap\", \"boot_index\": -1, \"volume_size\": 100, \"source_type\": \"blank\", "
                        + "\"destination_type\": \"local\", \"delete_on_termination\": true}]}}")));
    }

    @Test
    void create_503_neverReplayedBecauseItMayHaveBooted() {
        stubCreate(503, "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"busy\"}}");

        assertThrows(ServerErrorException.class, () -> nova.servers()
                .create(ServerCreate.builder()
                        .name("vm1")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .networksNone()
                        .build()));

        wm.verify(1, postRequestedFor(urlEqualTo("/v2.1/servers")));
    }

    @Test
    void createReservation_multiCreate_sendsReturnReservationIdAndReturnsIt() {
        stubCreate(202, "{\"reservation_id\": \"r-3fhpjulh\"}");

        String id = nova.servers()
                .createReservation(ServerCreate.builder()
                        .name("many")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .networksNone()
                        .minCount(2)
                        .maxCount(3)
                        .build());

        assertEquals("r-3fhpjulh", id);
        wm.verify(postRequestedFor(urlEqualTo("/v2.1/servers"))
                .withRequestBody(equalToJson("{\"server\": {\"name\": \"many\", "
                        + "\"imageRef\": \"" + IMAGE
                        + "\", \"flavorRef\": \"1\", \"networks\": \"none\", \"min_count\": 2, "
                        + "\"max_count\": 3, \"return_reservation_id\": true}}")));
        assertThrows(IllegalArgumentException.class, () -> nova.servers()
                .create(ServerCreate.builder()
                        .name("x")
                        .imageId(IMAGE)
                        .flavorId("1")
                        .networksNone()
                        .returnReservationId(true)
                        .build()));
    }
}
