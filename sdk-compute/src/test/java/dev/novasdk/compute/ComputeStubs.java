package dev.novasdk.compute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.novasdk.core.auth.AuthToken;
import dev.novasdk.core.auth.TokenProvider;
import dev.novasdk.core.endpoint.EndpointResolver;
import dev.novasdk.core.error.EndpointNotFoundException;
import dev.novasdk.core.waiter.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the compute WireMock tests share: a fixed token, a fake clock whose sleeper advances it (so waiters
 * and retries never sleep), clients pointed at a WireMock server, nova's version document and matchers for
 * the headers every compute request carries.
 */
public final class ComputeStubs {
    /** The token every test client sends. */
    public static final String TOKEN = "gAAAAAB-test-token";

    /** Where the compute endpoint lives on the WireMock server, as the lab's catalog gives it. */
    public static final String COMPUTE_PATH = "/v2.1";

    private ComputeStubs() {}

    /** A WireMock server on a free port, reset before each test. */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();
    }

    /** Always the same token; a refresh returns it again. */
    public static TokenProvider fixedToken() {
        AuthToken token = new AuthToken() {
            @Override
            public String id() {
                return TOKEN;
            }

            @Override
            public Optional<java.time.Instant> expiresAt() {
                return Optional.empty();
            }

            @Override
            public String toString() {
                return "AuthToken[***]";
            }
        };
        return new TokenProvider() {
            @Override
            public AuthToken token() {
                return token;
            }

            @Override
            public AuthToken refresh(AuthToken staleToken) {
                return token;
            }
        };
    }

    /** A client builder for the WireMock server: compute at {@code /v2.1}, no image service in the catalog. */
    public static ComputeClient.Builder client(WireMockExtension wm, FakeTime time) {
        return ComputeClient.builder()
                .tokenProvider(fixedToken())
                .endpointResolver(catalog(wm))
                .sleeper(time.sleeper())
                .nanoTime(time.nanoTime());
    }

    /** A catalog with compute at {@code /v2.1} on the WireMock server and no image service. */
    public static EndpointResolver catalog(WireMockExtension wm) {
        URI compute = URI.create(wm.baseUrl() + COMPUTE_PATH);
        return q -> {
            if (q.serviceType().equals("compute")) {
                return compute;
            }
            throw new EndpointNotFoundException(
                    "no " + q.serviceType() + " endpoint in the test catalog", List.of("compute/public/RegionOne"));
        };
    }

    /** Nova's version document ({@code GET /v2.1}) for a cloud serving {@code min} to {@code max}. */
    public static String versionDocument(String min, String max) {
        return "{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"" + max + "\", "
                + "\"min_version\": \"" + min + "\", \"updated\": \"2013-07-23T11:33:21Z\", \"links\": ["
                + "{\"rel\": \"self\", \"href\": \"http://127.0.0.1:8774/v2.1/\"}, {\"rel\": \"describedby\", "
                + "\"type\": \"text/html\", \"href\": \"http://docs.openstack.org/\"}], \"media-types\": [{\"base\": "
                + "\"application/json\", \"type\": \"application/vnd.openstack.compute+json;version=2.1\"}]}}";
    }

    /** Serves nova's version document at {@code GET /v2.1}, as the lab does (2.1 to {@code max}). */
    public static void stubVersionDocument(WireMockExtension wm, String max) {
        wm.stubFor(get(urlEqualTo(COMPUTE_PATH)).willReturn(okJson(versionDocument("2.1", max))));
    }

    /** The request pattern of the version document read. */
    public static RequestPatternBuilder versionDocumentRead() {
        return com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(COMPUTE_PATH));
    }

    /** Adds the token and both compute microversion headers at {@code version} to a request pattern. */
    public static RequestPatternBuilder compute(RequestPatternBuilder pattern, String version) {
        return pattern.withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("OpenStack-API-Version", equalTo("compute " + version))
                .withHeader("X-OpenStack-Nova-API-Version", equalTo(version));
    }

    /** Adds the token and the absence of any microversion header (Glance) to a request pattern. */
    public static RequestPatternBuilder glance(RequestPatternBuilder pattern) {
        return pattern.withHeader("X-Auth-Token", equalTo(TOKEN))
                .withHeader("OpenStack-API-Version", absent())
                .withHeader("X-OpenStack-Nova-API-Version", absent());
    }

    /** Nova's 404 for a missing resource, with its request id headers. */
    public static ResponseDefinitionBuilder itemNotFound(String message, String requestId) {
        return aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/json; charset=UTF-8")
                .withHeader("x-openstack-request-id", requestId)
                .withHeader("x-compute-request-id", requestId)
                .withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"" + message + "\"}}");
    }

    /**
     * A fake monotonic clock and a sleeper that advances it instead of sleeping, recording every sleep.
     * Thread-safe.
     */
    public static final class FakeTime {
        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        /** Advances the clock by the duration asked for. */
        public Sleeper sleeper() {
            return d -> {
                sleeps.add(d);
                nanos.addAndGet(d.toNanos());
            };
        }

        /** The fake clock. */
        public LongSupplier nanoTime() {
            return nanos::get;
        }

        /** Every sleep asked for, in order. */
        public List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }
    }
}
