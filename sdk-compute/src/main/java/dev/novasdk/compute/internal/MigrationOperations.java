package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.migrations.Migration;
import dev.novasdk.core.http.HttpMethod;
import java.util.List;

/** The migration listing of Nova's API reference. */
final class MigrationOperations {
    /** One page of migrations. */
    record Page(
            @JsonProperty("migrations") List<Migration> migrations,
            @JsonProperty("migrations_links") List<Link> links) {}

    static final ListOperation<Page, Migration> LIST = ListOperation.of(
            Operation.of("migrations.list", HttpMethod.GET, "os-migrations").returns(document(Page.class)),
            p -> Pages.items(p.migrations()),
            p -> Pages.next(p.links()),
            m -> m.uuid().orElse(m.id()));

    private MigrationOperations() {}
}
