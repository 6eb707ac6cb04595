package dev.novasdk.compute.migrations;

import dev.novasdk.core.paging.PagedIterable;

/**
 * Migration records (admin), as {@code GET /os-migrations} lists them. A non-admin gets
 * {@link dev.novasdk.core.error.ForbiddenException} ("Policy doesn't allow os_compute_api:os-migrations:index
 * to be performed."). Thread-safe; get it from {@link dev.novasdk.compute.ComputeClient#migrations()}.
 *
 * <pre>{@code
 * nova.migrations().list(MigrationListOptions.builder().instanceUuid(serverId).build())
 *         .forEach(m -> System.out.println(m.status().orElse("?")));
 * }</pre>
 */
public interface MigrationManager {
    /** A lazy listing; {@link MigrationListOptions#limit()} is the page size (2.59+). */
    PagedIterable<Migration> list(MigrationListOptions options);

    /** Every migration. */
    default PagedIterable<Migration> list() {
        return list(MigrationListOptions.defaults());
    }
}
