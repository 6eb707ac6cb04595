package dev.novasdk.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.novasdk.compute.flavors.FlavorListOptions;
import dev.novasdk.compute.images.ImageListOptions;
import dev.novasdk.compute.images.ImageStatus;
import dev.novasdk.compute.images.ImageVisibility;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three list options share the page size, its check, the marker and the query spelling; each adds its
 * filters. Queries are compared as ordered maps: parameters keep a stable order.
 */
class ListOptionsTest {
    /** Each option type, built with only a page size, and how to read its (Glance, for images) query. */
    static Stream<Arguments> pagedOptions() {
        return Stream.of(
                Arguments.of(
                        "servers",
                        (Function<Integer, ListOptions>) l ->
                                ServerListOptions.builder().limit(l).marker("m").build(),
                        (Function<ListOptions, Map<String, List<String>>>) o -> ((ServerListOptions) o).query()),
                Arguments.of(
                        "flavors",
                        (Function<Integer, ListOptions>) l ->
                                FlavorListOptions.builder().limit(l).marker("m").build(),
                        (Function<ListOptions, Map<String, List<String>>>) o -> ((FlavorListOptions) o).query()),
                Arguments.of(
                        "images",
                        (Function<Integer, ListOptions>) l ->
                                ImageListOptions.builder().limit(l).marker("m").build(),
                        (Function<ListOptions, Map<String, List<String>>>) o -> ((ImageListOptions) o).glanceQuery()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagedOptions")
    void page_limitAndMarker_sentAsLimitAndMarker(
            String resource,
            Function<Integer, ListOptions> build,
            Function<ListOptions, Map<String, List<String>>> query) {
        assertEquals(Map.of("limit", List.of("25"), "marker", List.of("m")), query.apply(build.apply(25)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagedOptions")
    void page_limitBelowOne_refusedAsThePageSize(
            String resource,
            Function<Integer, ListOptions> build,
            Function<ListOptions, Map<String, List<String>>> query) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build.apply(0));
        assertEquals("limit must be >= 1 (it is the page size), got 0", e.getMessage());
        assertEquals(1, build.apply(1).limit().orElseThrow());
    }

    @Test
    void servers_everyFilter_inNovasSpelling() {
        ServerListOptions options = ServerListOptions.builder()
                .name("^web")
                .status(ServerStatus.SHUTOFF)
                .image("img")
                .flavor("1")
                .host("compute-1")
                .changesSince(Instant.parse("2024-01-02T03:04:05Z"))
                .addTags("a", "b")
                .addTagsAny("c", "d")
                .allTenants(true)
                .projectId("p1")
                .ip("10.0.0.")
                .reservationId("r-1")
                .addSort("created_at", SortDirection.DESC)
                .addSort("display_name", SortDirection.ASC)
                .limit(10)
                .marker("m")
                .build();
        assertEquals(
                List.of(
                        "name=^web",
                        "status=SHUTOFF",
                        "image=img",
                        "flavor=1",
                        "host=compute-1",
                        "changes-since=2024-01-02T03:04:05Z",
                        "tags=a,b",
                        "tags-any=c,d",
                        "all_tenants=1",
                        "project_id=p1",
                        "ip=10.0.0.",
                        "reservation_id=r-1",
                        "sort_key=created_at",
                        "sort_key=display_name",
                        "sort_dir=desc",
                        "sort_dir=asc",
                        "limit=10",
                        "marker=m"),
                pairs(options.query()));
    }

    @Test
    void servers_defaults_noParameters() {
        assertEquals(Map.of(), ServerListOptions.defaults().query());
    }

    @Test
    void servers_unknownStatus_refusedAsAFilter() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ServerListOptions.builder().status(ServerStatus.UNKNOWN).build());
    }

    @Test
    void flavors_everyFilter_inNovasSpelling() {
        FlavorListOptions options = FlavorListOptions.builder()
                .visibility(FlavorListOptions.Visibility.PRIVATE)
                .minDisk(10)
                .minRam(512)
                .sortKey("memory_mb")
                .sortDir(SortDirection.DESC)
                .limit(2)
                .marker("f1")
                .build();
        assertEquals(
                List.of(
                        "is_public=false",
                        "minDisk=10",
                        "minRam=512",
                        "sort_key=memory_mb",
                        "sort_dir=desc",
                        "limit=2",
                        "marker=f1"),
                pairs(options.query()));
    }

    @Test
    void flavors_visibility_isPublicValues() {
        assertEquals(Map.of(), FlavorListOptions.defaults().query());
        assertEquals(
                Map.of("is_public", List.of("true")),
                FlavorListOptions.builder()
                        .visibility(FlavorListOptions.Visibility.PUBLIC)
                        .build()
                        .query());
        assertEquals(
                Map.of("is_public", List.of("None")),
                FlavorListOptions.builder()
                        .visibility(FlavorListOptions.Visibility.ALL)
                        .build()
                        .query());
    }

    @Test
    void images_everyGlanceFilter_inGlancesSpelling() {
        ImageListOptions options = ImageListOptions.builder()
                .name("cirros")
                .status(ImageStatus.ACTIVE)
                .visibility(ImageVisibility.COMMUNITY)
                .owner("p1")
                .addTags("small", "test")
                .addSort("name", SortDirection.ASC)
                .limit(2)
                .marker("i1")
                .build();
        assertEquals(
                List.of(
                        "name=cirros",
                        "status=active",
                        "visibility=community",
                        "owner=p1",
                        "tag=small",
                        "tag=test",
                        "sort_key=name",
                        "sort_dir=asc",
                        "limit=2",
                        "marker=i1"),
                pairs(options.glanceQuery()));
        // Nova's proxy knows name, status (upper case) and the page only.
        assertEquals(List.of("name=cirros", "status=ACTIVE", "limit=2", "marker=i1"), pairs(options.novaQuery()));
    }

    @Test
    void images_allVisibilities_sendsVisibilityAll() {
        assertEquals(
                Map.of("visibility", List.of("all")),
                ImageListOptions.builder().allVisibilities(true).build().glanceQuery());
    }

    @Test
    void images_meaninglessFilters_refused() {
        assertEquals(
                "visibility and allVisibilities cannot be combined",
                assertThrows(IllegalArgumentException.class, () -> ImageListOptions.builder()
                                .visibility(ImageVisibility.PUBLIC)
                                .allVisibilities(true)
                                .build())
                        .getMessage());
        assertEquals(
                "status UNKNOWN cannot be used as a filter",
                assertThrows(IllegalArgumentException.class, () -> ImageListOptions.builder()
                                .status(ImageStatus.UNKNOWN)
                                .build())
                        .getMessage());
        assertEquals(
                "visibility UNKNOWN cannot be used as a filter",
                assertThrows(IllegalArgumentException.class, () -> ImageListOptions.builder()
                                .visibility(ImageVisibility.UNKNOWN)
                                .build())
                        .getMessage());
    }

    @Test
    void query_isUnmodifiable() {
        Map<String, List<String>> q =
                ServerListOptions.builder().name("x").build().query();
        assertThrows(UnsupportedOperationException.class, () -> q.put("status", List.of("ACTIVE")));
        assertThrows(UnsupportedOperationException.class, () -> q.get("name").add("y"));
    }

    @Test
    void sortKey_toBuilder_copiesAndStaysIndependent() {
        ToBuilderChecks.assertToBuilder(
                SortKey.of("name", SortDirection.ASC),
                SortKey::toBuilder,
                SortKey.Builder::build,
                b -> b.direction(SortDirection.DESC));
    }

    @Test
    void sortKey_blank_refused() {
        assertThrows(IllegalArgumentException.class, () -> SortKey.of(" ", SortDirection.ASC));
    }

    private static List<String> pairs(Map<String, List<String>> query) {
        List<String> out = new ArrayList<>();
        query.forEach((k, values) -> values.forEach(v -> out.add(k + "=" + v)));
        return out;
    }
}
