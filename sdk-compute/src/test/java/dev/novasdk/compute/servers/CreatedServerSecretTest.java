package dev.novasdk.compute.servers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.WireMockComputeTest;
import dev.novasdk.core.error.BadRequestException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code adminPass} Nova generates for a created server is a secret from then on: an error body that
 * quotes it later is scrubbed, on the blocking and on the async client.
 */
class CreatedServerSecretTest extends WireMockComputeTest {
    private static final String GENERATED = "Gen3ratedPassw0rd";

    @BeforeEach
    void stubs() {
        wm.stubFor(post(urlEqualTo("/v2.1/servers"))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"server\": {\"id\": \"s1\", \"links\": [], \"OS-DCF:diskConfig\": \"MANUAL\", "
                                + "\"security_groups\": [{\"name\": \"default\"}], \"adminPass\": \"" + GENERATED
                                + "\"}}")));
        wm.stubFor(get(urlEqualTo("/v2.1/servers/s1"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"badRequest\": {\"code\": 400, \"message\": \"Invalid password " + GENERATED
                                + "\"}}")));
    }

    private static ServerCreate create() {
        return ServerCreate.builder()
                .name("vm")
                .imageId("70a599e0-31e7-49b7-b260-868f441e862b")
                .flavorId("1")
                .networksNone()
                .build();
    }

    @Test
    void blocking_generatedAdminPass_isScrubbedFromLaterErrors() {
        ComputeClient nova = client(null);

        Server created = nova.servers().create(create());
        BadRequestException e =
                assertThrows(BadRequestException.class, () -> nova.servers().get("s1"));

        assertEquals(Optional.of(GENERATED), created.adminPass(), "the caller still gets it");
        assertFalse(e.getMessage().contains(GENERATED), e.getMessage());
        assertTrue(e.getMessage().contains("Invalid password ***"), e.getMessage());
    }

    @Test
    void async_generatedAdminPass_isScrubbedFromLaterErrors() {
        ComputeStubs.stubVersionDocument(wm, "2.93");
        try (ComputeAsyncClient nova = ComputeAsyncClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpointResolver(ComputeStubs.catalog(wm))
                .build()) {
            Server created = nova.servers().create(create()).join();
            CompletionException e = assertThrows(
                    CompletionException.class, () -> nova.servers().get("s1").join());

            assertEquals(Optional.of(GENERATED), created.adminPass());
            assertTrue(e.getCause() instanceof BadRequestException, String.valueOf(e.getCause()));
            assertFalse(
                    e.getCause().getMessage().contains(GENERATED), e.getCause().getMessage());
        }
    }
}
