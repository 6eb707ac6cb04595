package dev.novasdk.compute.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.OperatorStubs.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.compute.WireMockComputeTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link UsageManager} against a WireMock nova serving 2.1 to 2.93. */
class UsageManagerTest extends WireMockComputeTest {
    static final String U = "/v2.1/os-simple-tenant-usage";
    static final String PROJECT = "6f70656e737461636b20342065766572";
    // Nova parses start and end without a zone suffix; "...Z" is refused ("Invalid datetime string").
    static final String PERIOD = "start=2026-12-03T00%3A00%3A00.000000&end=2026-12-04T00%3A00%3A00.000000";

    UsageManager usage(String pinnedOrNull) {
        return client(pinnedOrNull).usage();
    }

    static UsageListOptions.Builder period() {
        return UsageListOptions.builder()
                .start(Instant.parse("2026-12-03T00:00:00Z"))
                .end(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @Test
    void list_detailedPaged_sendsNovaTimesAndFollowsLinks() {
        String first = U + "?" + PERIOD + "&detailed=1&limit=1";
        // Source: nova doc/api_samples/os-simple-tenant-usage/v2.40/simple-tenant-usage-get-detail.json
        String page = sample("compute/os-simple-tenant-usage/v2.40/simple-tenant-usage-get-detail.json")
                .replace("http://openstack.example.com/v2.1/" + PROJECT, wm.baseUrl() + "/v2.1");
        wm.stubFor(get(urlEqualTo(first)).willReturn(okJson(page)));
        wm.stubFor(get(urlPathMatching(U)).atPriority(10).willReturn(okJson("{\"tenant_usages\": []}")));
        List<TenantUsage> all = usage(null)
                .list(period().detailed(true).limit(1).build())
                .stream()
                .collect(Collectors.toList());
        assertEquals(1, all.size());
        assertEquals(1, all.get(0).serverUsages().size());
        assertEquals(Optional.of("m1.tiny"), all.get(0).serverUsages().get(0).flavor());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), "2.93"));
        wm.verify(2, getRequestedFor(urlPathMatching(U)));
    }

    @Test
    void get_project_readsTenantUsage() {
        // Source: nova doc/api_samples/os-simple-tenant-usage/simple-tenant-usage-get-specific.json
        wm.stubFor(get(urlEqualTo(U + "/" + PROJECT + "?" + PERIOD))
                .willReturn(okJson(sample("compute/os-simple-tenant-usage/simple-tenant-usage-get-specific.json"))));
        TenantUsage u = usage(null).get(PROJECT, period().build());
        assertEquals(Optional.of(1.0), u.totalHours());
        assertEquals(Optional.of(PROJECT), u.tenantId());
    }

    @Test
    void get_projectWithoutUse_isEmptyReport() {
        wm.stubFor(get(urlEqualTo(U + "/" + PROJECT + "?" + PERIOD)).willReturn(okJson("{\"tenant_usage\": {}}")));
        assertEquals(
                Optional.empty(), usage(null).get(PROJECT, period().build()).tenantId());
    }

    @Test
    void list_limitPinnedBefore240_refusedBeforeSending() {
        UsageManager m = usage("2.39");
        assertThrows(
                IllegalArgumentException.class,
                () -> m.list(period().limit(1).build()).iterator().hasNext());
        wm.verify(0, anyRequestedFor(urlPathMatching(U + ".*")));
    }

    @Test
    void options_startAfterEnd_refused() {
        assertThrows(IllegalArgumentException.class, () -> UsageListOptions.builder()
                .start(Instant.parse("2026-12-04T00:00:00Z"))
                .end(Instant.parse("2026-12-03T00:00:00Z"))
                .build());
    }
}
