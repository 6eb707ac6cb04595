package dev.novasdk.compute.images;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.glance;
import static dev.novasdk.compute.ComputeStubs.itemNotFound;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static dev.novasdk.compute.ComputeStubs.versionDocumentRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.error.NoUniqueMatchException;
import dev.novasdk.core.error.NotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ImageManager} with Glance in the catalog (requests to {@code /v2/images}, no compute microversion,
 * glance's relative {@code next} links) and without it (nova's {@code /images} proxy, at most 2.35).
 */
class ImageManagerTest {
    static final String CIRROS = "1bea47ed-f6a9-463b-b423-14b9cca9ad27";
    static final String FEDORA = "781b3762-9469-4cec-b58d-3349e5de4e9c";

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    final ComputeStubs.FakeTime time = new ComputeStubs.FakeTime();

    @BeforeEach
    void setUp() {
        stubVersionDocument(wm, "2.93");
    }

    /** A client whose catalog has compute at {@code /v2.1} and Glance at {@code glancePath} (such as {@code /image}). */
    ComputeClient withGlance(String glancePath) {
        URI compute = URI.create(wm.baseUrl() + "/v2.1");
        URI image = URI.create(wm.baseUrl() + glancePath);
        return ComputeClient.builder()
                .tokenProvider(ComputeStubs.fixedToken())
                .endpointResolver(q -> q.serviceType().equals("image") ? image : compute)
                .sleeper(time.sleeper())
                .nanoTime(time.nanoTime())
                .build();
    }

    static String sample(String resource) {
        return new String(Samples.bytes(resource), StandardCharsets.UTF_8);
    }

    static String glanceImage(String id, String name) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name
                + "\", \"status\": \"active\", \"visibility\": \"public\", "
                + "\"os_distro\": \"cirros\", \"tags\": [], \"self\": \"/v2/images/" + id
                + "\", \"schema\": \"/v2/schemas/image\"}";
    }

    static String glancePage(List<String> images, String nextOrNull) {
        return "{\"images\": [" + String.join(", ", images)
                + "], \"first\": \"/v2/images\", \"schema\": \"/v2/schemas/images\""
                + (nextOrNull == null ? "" : ", \"next\": \"" + nextOrNull + "\"") + "}";
    }

    /** Glance's 404 is HTML, as the lab's glance sends it. */
    static ResponseDefinitionBuilder glanceNotFound() {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withHeader("X-Openstack-Request-Id", "req-4ccb47ce-d833-4587-860e-aa9aecc9e4a4")
                .withBody("<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>");
    }

    @Test
    void list_glanceWithFilters_getsV2ImagesWithoutMicroversion() {
        String url = "/v2/images?name=cirros&status=active&visibility=public&owner=p1&tag=small&tag=test&limit=2";
        // Source: glance api-ref/source/v2/samples/images-list-response.json
        wm.stubFor(get(urlEqualTo(url)).willReturn(okJson(sample("image/v2/images-list-response.json"))));
        try (ComputeClient client = withGlance("")) {
            List<String> ids = client
                    .images()
                    .list(ImageListOptions.builder()
                            .name("cirros")
                            .status(ImageStatus.ACTIVE)
                            .visibility(ImageVisibility.PUBLIC)
                            .owner("p1")
                            .addTags("small", "test")
                            .limit(2)
                            .build())
                    .stream()
                    .map(Image::id)
                    .collect(Collectors.toList());
            assertEquals(List.of(CIRROS, FEDORA), ids);
        }
        wm.verify(1, glance(getRequestedFor(urlEqualTo(url))));
        wm.verify(0, versionDocumentRead());
    }

    @ParameterizedTest(name = "catalog {0} -> {1}")
    @CsvSource({
        "'', /v2/images",
        "/, /v2/images",
        "/v2, /v2/images",
        "/v2/, /v2/images",
        "/image, /image/v2/images",
        "/image/v2, /image/v2/images"
    })
    void list_glanceRelativeNext_resolvedAgainstImageEndpoint(String catalogPath, String imagesPath) {
        // Glance's next is always a path from its own root ("/v2/images?..."), whatever prefix serves it.
        wm.stubFor(get(urlEqualTo(imagesPath + "?limit=1"))
                .willReturn(okJson(
                        glancePage(List.of(glanceImage(CIRROS, "cirros")), "/v2/images?limit=1&marker=" + CIRROS))));
        wm.stubFor(get(urlEqualTo(imagesPath + "?limit=1&marker=" + CIRROS))
                .willReturn(okJson(
                        glancePage(List.of(glanceImage(FEDORA, "fedora")), "/v2/images?limit=1&marker=" + FEDORA))));
        wm.stubFor(get(urlEqualTo(imagesPath + "?limit=1&marker=" + FEDORA))
                .willReturn(okJson(glancePage(List.of(), null))));
        try (ComputeClient client = withGlance(catalogPath)) {
            List<String> ids = client
                    .images()
                    .list(ImageListOptions.builder().limit(1).build())
                    .stream()
                    .map(Image::id)
                    .collect(Collectors.toList());
            assertEquals(List.of(CIRROS, FEDORA), ids);
        }
        wm.verify(1, glance(getRequestedFor(urlEqualTo(imagesPath + "?limit=1"))));
        wm.verify(1, glance(getRequestedFor(urlEqualTo(imagesPath + "?limit=1&marker=" + CIRROS))));
        wm.verify(1, glance(getRequestedFor(urlEqualTo(imagesPath + "?limit=1&marker=" + FEDORA))));
    }

    @Test
    void get_glance_readsBareDocumentWithoutMicroversion() {
        // Source: glance api-ref/source/v2/samples/image-show-response.json
        wm.stubFor(get(urlEqualTo("/image/v2/images/" + CIRROS))
                .willReturn(okJson(sample("image/v2/image-show-response.json"))));
        try (ComputeClient client = withGlance("/image")) {
            Image image = client.images().get(CIRROS);
            assertEquals(Optional.of("cirros-0.3.2-x86_64-disk"), image.name());
            assertEquals(ImageStatus.ACTIVE, image.status());
            assertEquals(Optional.of(13167616L), image.size());
        }
        wm.verify(1, glance(getRequestedFor(urlEqualTo("/image/v2/images/" + CIRROS))));
        wm.verify(0, versionDocumentRead());
    }

    @Test
    void get_glanceMissing_throwsNotFoundWithRequestId() {
        wm.stubFor(get(urlEqualTo("/v2/images/" + CIRROS)).willReturn(glanceNotFound()));
        try (ComputeClient client = withGlance("")) {
            NotFoundException e =
                    assertThrows(NotFoundException.class, () -> client.images().get(CIRROS));
            assertEquals(Optional.of("req-4ccb47ce-d833-4587-860e-aa9aecc9e4a4"), e.requestId());
        }
    }

    @Test
    void find_glanceById_returnsWithoutListing() {
        wm.stubFor(get(urlEqualTo("/v2/images/" + CIRROS)).willReturn(okJson(glanceImage(CIRROS, "cirros"))));
        try (ComputeClient client = withGlance("")) {
            assertEquals(
                    Optional.of("cirros"),
                    client.images().find(CIRROS).orElseThrow().name());
        }
        wm.verify(0, getRequestedFor(urlPathMatching("/v2/images")));
    }

    @Test
    void find_glanceByName_listsWithNameFilter() {
        wm.stubFor(get(urlEqualTo("/v2/images/cirros")).willReturn(glanceNotFound()));
        wm.stubFor(get(urlEqualTo("/v2/images?name=cirros"))
                .willReturn(okJson(glancePage(List.of(glanceImage(CIRROS, "cirros")), null))));
        try (ComputeClient client = withGlance("")) {
            assertEquals(CIRROS, client.images().find("cirros").orElseThrow().id());
        }
        wm.verify(1, glance(getRequestedFor(urlEqualTo("/v2/images/cirros"))));
        wm.verify(1, glance(getRequestedFor(urlEqualTo("/v2/images?name=cirros"))));
    }

    @Test
    void find_glanceNameOfTwo_throwsNoUniqueMatch() {
        wm.stubFor(get(urlEqualTo("/v2/images/cirros")).willReturn(glanceNotFound()));
        wm.stubFor(get(urlEqualTo("/v2/images?name=cirros"))
                .willReturn(okJson(
                        glancePage(List.of(glanceImage(CIRROS, "cirros"), glanceImage(FEDORA, "cirros")), null))));
        try (ComputeClient client = withGlance("")) {
            NoUniqueMatchException e = assertThrows(
                    NoUniqueMatchException.class, () -> client.images().find("cirros"));
            assertEquals(List.of(CIRROS, FEDORA), e.matchingIds());
        }
    }

    @Test
    void list_noImageService_usesNovaProxyAt235() {
        String first = "/v2.1/images/detail?limit=1";
        String second = "/v2.1/images/detail?limit=1&marker=" + CIRROS;
        wm.stubFor(get(urlEqualTo(first))
                .willReturn(okJson("{\"images\": [{\"id\": \"" + CIRROS + "\", \"name\": \"cirros\", "
                        + "\"status\": \"ACTIVE\", \"minDisk\": 0, \"minRam\": 0, \"metadata\": {\"os_distro\": \"cirros\"}}], "
                        + "\"images_links\": [{\"rel\": \"next\", \"href\": \"" + wm.baseUrl() + second + "\"}]}")));
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"images\": []}")));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            List<Image> images = client
                    .images()
                    .list(ImageListOptions.builder().limit(1).build())
                    .stream()
                    .collect(Collectors.toList());
            assertEquals(1, images.size());
            assertEquals(ImageStatus.ACTIVE, images.get(0).status());
            assertEquals("cirros", images.get(0).properties().get("os_distro"));
            // The client still negotiated 2.93 for everything else.
            assertEquals("2.93", client.microversion().toString());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), "2.35"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.35"));
    }

    @Test
    void list_noImageServiceWithFilters_sendsNovaQuery() {
        String url = "/v2.1/images/detail?name=cirros&status=ACTIVE";
        wm.stubFor(get(urlEqualTo(url)).willReturn(okJson("{\"images\": []}")));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            assertEquals(
                    0,
                    client
                            .images()
                            .list(ImageListOptions.builder()
                                    .name("cirros")
                                    .status(ImageStatus.ACTIVE)
                                    .build())
                            .stream()
                            .count());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo(url)), "2.35"));
    }

    @Test
    void get_noImageService_readsNovaImageEnvelopeAt235() {
        // Source: nova doc/api_samples/images/image-get-resp.json
        String id = "70a599e0-31e7-49b7-b260-868f441e862b";
        wm.stubFor(
                get(urlEqualTo("/v2.1/images/" + id)).willReturn(okJson(sample("compute/images/image-get-resp.json"))));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            assertEquals(Optional.of("fakeimage7"), client.images().get(id).name());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/images/" + id)), "2.35"));
    }

    @Test
    void find_noImageServiceByName_listsProxyWithName() {
        wm.stubFor(get(urlEqualTo("/v2.1/images/fakeimage7")).willReturn(itemNotFound("Image not found.", "req-11")));
        // Source: nova doc/api_samples/images/images-details-get-resp.json (served whatever the filter)
        wm.stubFor(get(urlEqualTo("/v2.1/images/detail?name=fakeimage7"))
                .willReturn(okJson(sample("compute/images/images-details-get-resp.json"))));
        try (ComputeClient client = ComputeStubs.client(wm, time).build()) {
            assertEquals(
                    "70a599e0-31e7-49b7-b260-868f441e862b",
                    client.images().find("fakeimage7").orElseThrow().id());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/images/detail?name=fakeimage7")), "2.35"));
    }

    @Test
    void noImageService_pinnedAt230_usesPinnedVersion() {
        wm.stubFor(get(urlEqualTo("/v2.1/images/detail")).willReturn(okJson("{\"images\": []}")));
        try (ComputeClient client =
                ComputeStubs.client(wm, time).microversion("2.30").build()) {
            assertEquals(0, client.images().list().stream().count());
        }
        wm.verify(1, compute(getRequestedFor(urlEqualTo("/v2.1/images/detail")), "2.30"));
    }

    @Test
    void noImageService_pinnedAt237_throwsIllegalStateBeforeSending() {
        try (ComputeClient client =
                ComputeStubs.client(wm, time).microversion("2.37").build()) {
            IllegalStateException onList =
                    assertThrows(IllegalStateException.class, () -> client.images().list().stream()
                            .findFirst());
            assertTrue(
                    onList.getMessage().contains("2.35") && onList.getMessage().contains("2.37"), onList.getMessage());
            assertThrows(IllegalStateException.class, () -> client.images().get(CIRROS));
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }
}
