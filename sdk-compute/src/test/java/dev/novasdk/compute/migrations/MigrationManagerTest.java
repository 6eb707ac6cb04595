package dev.novasdk.compute.migrations;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.OperatorStubs.policyForbids;
import static dev.novasdk.compute.OperatorStubs.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.WireMockComputeTest;
import dev.novasdk.core.error.ForbiddenException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link MigrationManager} against a WireMock nova serving 2.1 to 2.93. */
class MigrationManagerTest extends WireMockComputeTest {
    static final String M = "/v2.1/os-migrations";

    MigrationManager migrations(String pinnedOrNull) {
        return client(pinnedOrNull).migrations();
    }

    @Test
    void list_filters_becomeQuery_andPagesFollowLinks() {
        String first = M + "?host=oslab&status=finished&instance_uuid=fc5b&migration_type=resize"
                + "&source_compute=oslab&changes-since=2026-12-03T00%3A00%3A00Z&changes-before=2026-12-04T00%3A00%3A00Z"
                + "&user_id=u&project_id=p&limit=1";
        // Source: nova doc/api_samples/os-migrations/v2.80/migrations-get-with-limit.json (its next link
        // rewritten to this server)
        String page = sample("compute/os-migrations/v2.80/migrations-get-with-limit.json")
                .replace("http://openstack.example.com/v2.1/6f70656e737461636b20342065766572", wm.baseUrl() + "/v2.1");
        wm.stubFor(get(urlEqualTo(first)).willReturn(okJson(page)));
        String second = M + "?limit=1&marker=42341d4b-346a-40d0-83c6-5f4f6892b650";
        wm.stubFor(get(urlEqualTo(second)).willReturn(okJson("{\"migrations\": []}")));
        List<Migration> found = migrations(null)
                .list(MigrationListOptions.builder()
                        .host("oslab")
                        .status("finished")
                        .instanceUuid("fc5b")
                        .migrationType(MigrationType.RESIZE)
                        .sourceCompute("oslab")
                        .changesSince(Instant.parse("2026-12-03T00:00:00Z"))
                        .changesBefore(Instant.parse("2026-12-04T00:00:00Z"))
                        .userId("u")
                        .projectId("p")
                        .limit(1)
                        .build())
                .stream()
                .collect(Collectors.toList());
        assertEquals(1, found.size());
        assertEquals(Optional.of(MigrationType.RESIZE), found.get(0).migrationType());
        assertEquals(
                Optional.of("9842f0f7-1229-4355-afe7-15ebdbb8c3d8"),
                found.get(0).projectId());
        wm.verify(1, compute(getRequestedFor(urlEqualTo(first)), "2.93"));
        wm.verify(1, compute(getRequestedFor(urlEqualTo(second)), "2.93"));
    }

    @Test
    void list_projectFilterPinnedBefore280_refusedBeforeSending() {
        MigrationManager m = migrations("2.79");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.list(
                        MigrationListOptions.builder().projectId("p").build())
                .iterator()
                .hasNext());
        assertTrue(e.getMessage().contains("'project_id' requires compute microversion 2.80 or later"), e.getMessage());
        wm.verify(0, anyRequestedFor(urlPathMatching(M + ".*")));
    }

    @Test
    void list_negotiatingWithChangesBefore_goesAtNegotiatedVersion_butPagingPinned258_refused() {
        MigrationManager m = migrations("2.58");
        assertThrows(IllegalArgumentException.class, () -> m.list(
                        MigrationListOptions.builder().limit(5).build())
                .iterator()
                .hasNext());
    }

    @Test
    void list_oldSample_readsIntegerIdsAsText() {
        // Source: nova doc/api_samples/os-migrations/migrations-get.json
        wm.stubFor(get(urlEqualTo(M)).willReturn(okJson(sample("compute/os-migrations/migrations-get.json"))));
        List<String> ids = migrations("2.1").list().stream().map(Migration::id).collect(Collectors.toList());
        assertEquals(List.of("1234", "5678"), ids);
    }

    @Test
    void list_nonAdmin_throwsForbidden() {
        wm.stubFor(get(urlEqualTo(M)).willReturn(policyForbids("os_compute_api:os-migrations:index")));
        MigrationManager m = migrations(null);
        ForbiddenException e =
                assertThrows(ForbiddenException.class, () -> m.list().iterator().hasNext());
        assertEquals(
                Optional.of("Policy doesn't allow os_compute_api:os-migrations:index to be performed."),
                e.serviceMessage());
    }

    @Test
    void options_sinceAfterBefore_refused() {
        assertThrows(IllegalArgumentException.class, () -> MigrationListOptions.builder()
                .changesSince(Instant.parse("2026-12-04T00:00:00Z"))
                .changesBefore(Instant.parse("2026-12-03T00:00:00Z"))
                .build());
    }
}
