package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.usage.ServerUsage;
import dev.novasdk.compute.usage.TenantUsage;
import dev.novasdk.core.http.HttpMethod;
import java.util.List;
import java.util.stream.Collectors;

/** The simple tenant usage operations of Nova's API reference, each described once. */
final class UsageOperations {
    /** One page of the report of every project. */
    record Page(
            @JsonProperty("tenant_usages") List<TenantUsage> usages,
            @JsonProperty("tenant_usages_links") List<Link> links) {}

    /** One page of a project's report. */
    record ProjectPage(
            @JsonProperty("tenant_usage") TenantUsage usage, @JsonProperty("tenant_usage_links") List<Link> links) {}

    static final ListOperation<Page, TenantUsage> LIST = ListOperation.of(
            Operation.of("usage.list", HttpMethod.GET, "os-simple-tenant-usage").returns(document(Page.class)),
            p -> Pages.items(p.usages()),
            p -> Pages.next(p.links()),
            UsageOperations::identity);

    static final ListOperation<ProjectPage, TenantUsage> PROJECT = ListOperation.of(
            Operation.of("usage.get", HttpMethod.GET, "os-simple-tenant-usage/{project}")
                    .returns(document(ProjectPage.class)),
            p -> p.usage() == null ? List.of() : List.of(p.usage()),
            p -> Pages.next(p.links()),
            UsageOperations::identity);

    private UsageOperations() {}

    // A project may appear on several pages (paging is by server), so its id alone does not tell reports
    // apart: the servers and totals of the page do.
    private static String identity(TenantUsage u) {
        return u.tenantId().orElse("") + "|" + u.start().orElse(null) + "|"
                + u.totalHours().orElse(null) + "|"
                + u.totalVcpusUsage().orElse(null) + "|"
                + u.serverUsages().stream().map(ServerUsage::instanceId).collect(Collectors.joining(","));
    }
}
