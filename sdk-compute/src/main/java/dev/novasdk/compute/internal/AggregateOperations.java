package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.aggregates.Aggregate;
import dev.novasdk.compute.aggregates.AggregateCreate;
import dev.novasdk.compute.aggregates.AggregateUpdate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The aggregate operations of Nova's API reference, each described once. */
final class AggregateOperations {
    private static final String ACTION = "os-aggregates/{id}/action";

    /** The aggregates document; Nova does not page aggregates. */
    record Page(@JsonProperty("aggregates") List<Aggregate> aggregates) {}

    /** The body of {@code add_host} and {@code remove_host}. */
    record Host(@JsonProperty("host") String host) {}

    /** The body of {@code set_metadata}; null values (removals) are written. */
    record Metadata(
            @JsonProperty("metadata") @JsonInclude(content = JsonInclude.Include.ALWAYS)
                    Map<String, String> metadata) {}

    /** One image of {@code cache}. */
    record ImageRef(@JsonProperty("id") String id) {}

    /** The body of {@code POST /os-aggregates/{id}/images}. */
    record Cache(@JsonProperty("cache") List<ImageRef> cache) {}

    static final ListOperation<Page, Aggregate> LIST = ListOperation.of(
            Operation.of("aggregates.list", HttpMethod.GET, "os-aggregates").returns(document(Page.class)),
            p -> Pages.items(p.aggregates()),
            p -> Optional.empty(),
            Aggregate::id);

    static final Operation<AggregateCreate, Aggregate> CREATE = Operation.of(
                    "aggregates.create", HttpMethod.POST, "os-aggregates")
            .<AggregateCreate>sends(member("aggregate"))
            .returns(member("aggregate", Aggregate.class));

    static final Operation<Void, Aggregate> GET = Operation.of("aggregates.get", HttpMethod.GET, "os-aggregates/{id}")
            .returns(member("aggregate", Aggregate.class))
            .absentWhen(404, 400);

    static final Operation<AggregateUpdate, Aggregate> UPDATE = Operation.of(
                    "aggregates.update", HttpMethod.PUT, "os-aggregates/{id}")
            .<AggregateUpdate>sends(member("aggregate"))
            .returns(member("aggregate", Aggregate.class));

    static final Operation<Void, Void> DELETE =
            Operation.of("aggregates.delete", HttpMethod.DELETE, "os-aggregates/{id}");

    static final Operation<Host, Aggregate> ADD_HOST = action("add_host");

    static final Operation<Host, Aggregate> REMOVE_HOST = action("remove_host");

    static final Operation<Metadata, Aggregate> SET_METADATA = action("set_metadata");

    static final Operation<Cache, Void> CACHE_IMAGES = Operation.of(
                    "aggregates.cacheImages", HttpMethod.POST, "os-aggregates/{id}/images")
            .<Cache>sends(Bodies.json())
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 81)));

    private AggregateOperations() {}

    private static <B> Operation<B, Aggregate> action(String name) {
        return Operation.of("aggregates." + name, HttpMethod.POST, ACTION)
                .<B>sends(member(name))
                .returns(member("aggregate", Aggregate.class));
    }
}
