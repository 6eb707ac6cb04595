package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.flavors.FlavorCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one microversion rule, on every kind of request: a pinned client refuses before sending what its
 * version cannot serve, naming the field or operation and the versions; a negotiating client sends at the
 * highest version that serves the request.
 */
class MicroversionRuleTest {
    static final String ID = "0e44cc9c-e052-415d-afbf-469b0d384170";
    static final String SERVER = "{\"server\": {\"id\": \"" + ID + "\", \"name\": \"vm\", \"status\": \"ACTIVE\"}}";
    static final String FLAVOR =
            "{\"flavor\": {\"id\": \"10\", \"name\": \"f\", \"ram\": 1, \"vcpus\": 1, " + "\"disk\": 1}}";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();

    ComputeClient pinned(String version) {
        stubVersionDocument(wm, "2.93");
        return ComputeStubs.client(wm, time).microversion(version).build();
    }

    ComputeClient negotiating() {
        stubVersionDocument(wm, "2.93");
        return ComputeStubs.client(wm, time).build();
    }

    @Test
    void update_pinnedBelowField_refusedNamingFieldAndVersions() {
        try (ComputeClient nova = pinned("2.18")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nova.servers()
                    .update(ID, ServerUpdate.builder().description("d").build()));
            assertEquals(
                    "field 'description' requires compute microversion 2.19 or later; the client uses 2.18",
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void update_negotiating_sentAtNegotiatedVersion() {
        wm.stubFor(put(urlEqualTo("/v2.1/servers/" + ID)).willReturn(okJson(SERVER)));
        try (ComputeClient nova = negotiating()) {
            nova.servers().update(ID, ServerUpdate.builder().hostname("h1").build());
        }
        wm.verify(compute(putRequestedFor(urlEqualTo("/v2.1/servers/" + ID)), "2.93"));
    }

    @Test
    void flavorCreate_pinnedBelowDescription_refused() {
        try (ComputeClient nova = pinned("2.54")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nova.flavors()
                    .create(FlavorCreate.builder()
                            .name("f")
                            .ram(1)
                            .vcpus(1)
                            .disk(1)
                            .description("d")
                            .build()));
            assertEquals(
                    "field 'description' requires compute microversion 2.55 or later; the client uses 2.54",
                    e.getMessage());
        }
        wm.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void flavorCreate_pinnedAtDescription_sent() {
        wm.stubFor(post(urlEqualTo("/v2.1/flavors")).willReturn(okJson(FLAVOR)));
        try (ComputeClient nova = pinned("2.55")) {
            nova.flavors()
                    .create(FlavorCreate.builder()
                            .name("f")
                            .ram(1)
                            .vcpus(1)
                            .disk(1)
                            .description("d")
                            .build());
        }
        wm.verify(compute(postRequestedFor(urlEqualTo("/v2.1/flavors")), "2.55"));
    }

    @Test
    void imageProxy_pinnedAboveItsRange_refusedNamingTheOperation() {
        try (ComputeClient nova = pinned("2.36")) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> nova.images().get(ID));
            assertEquals(
                    "images.get (Nova's image proxy) is served in compute microversions 2.35 or earlier; the client is "
                            + "pinned to 2.36",
                    e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void imageProxy_negotiating_sentAtItsLastVersion() {
        wm.stubFor(get(urlEqualTo("/v2.1/images/" + ID))
                .willReturn(okJson("{\"image\": {\"id\": \"" + ID + "\", \"name\": \"cirros\"}}")));
        try (ComputeClient nova = negotiating()) {
            assertEquals(ID, nova.images().get(ID).id());
        }
        wm.verify(compute(getRequestedFor(urlEqualTo("/v2.1/images/" + ID)), "2.35"));
    }

    @Test
    void listTagFilter_pinnedBefore226_refusedBeforeIteration() {
        try (ComputeClient nova = pinned("2.25")) {
            var listing = nova.servers()
                    .list(ServerListOptions.builder().addTags("web").build());
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> listing.iterator().hasNext());
            assertEquals(
                    "field 'tags' requires compute microversion 2.26 or later; the client uses 2.25", e.getMessage());
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void listTagFilter_negotiating_sentAtNegotiatedVersion() {
        wm.stubFor(get(urlPathEqualTo("/v2.1/servers/detail")).willReturn(okJson("{\"servers\": []}")));
        try (ComputeClient nova = negotiating()) {
            assertEquals(
                    0,
                    nova
                            .servers()
                            .list(ServerListOptions.builder().addTags("web").build())
                            .stream()
                            .count());
        }
        wm.verify(compute(getRequestedFor(urlPathEqualTo("/v2.1/servers/detail")), "2.93"));
    }
}
