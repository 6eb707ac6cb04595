package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The body of a live migration (the {@code os-migrateLive} action; administrators only by default). Written
 * as {@code {"os-migrateLive": {"host": ..., "block_migration": ..., ...}}}, with {@code host} null when the
 * scheduler is to choose. Immutable.
 *
 * <p>Without {@link #blockMigration()} Nova decides ({@code "block_migration": "auto"}, microversion 2.25 and
 * later); before 2.25 {@code block_migration} is a boolean and {@code disk_over_commit} is required.
 *
 * <pre>{@code
 * nova.servers().liveMigrate(id, ServerLiveMigrate.builder().build());               // scheduler, auto
 * nova.servers().liveMigrate(id, ServerLiveMigrate.builder().host("compute-2").build());
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(using = ServerActionWriters.LiveMigrate.class)
public interface ServerLiveMigrate {
    /** The destination host ({@code host}); the scheduler chooses when absent. */
    Optional<String> host();

    /** Block migration as a boolean; absent sends {@code "auto"} (2.25 and later). */
    Optional<Boolean> blockMigration();

    /** Whether to over-commit disk on the destination ({@code disk_over_commit}); 2.24 and earlier. */
    Optional<Boolean> diskOverCommit();

    /** Skip the scheduler's check of {@link #host()} ({@code force}); microversions 2.30 to 2.67. */
    Optional<Boolean> force();

    /** The microversions the fields set here need. */
    @Value.Lazy
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (blockMigration().isEmpty()) {
            r.add(VersionRequirement.since("block_migration", ServerActionWriters.V2_25)
                    .withCondition("'auto'"));
        } else if (diskOverCommit().isEmpty()) {
            // migrate_live (2.1 to 2.24) requires disk_over_commit next to a boolean block_migration.
            r.add(VersionRequirement.since("disk_over_commit", ServerActionWriters.V2_25)
                    .withCondition("left out, which Nova requires before 2.25"));
        }
        if (diskOverCommit().isPresent()) {
            r.add(VersionRequirement.until("disk_over_commit", ServerActionWriters.V2_24));
        }
        if (force().isPresent()) {
            r.add(VersionRequirement.anyOf(
                    "force", MicroversionRange.between(ServerActionWriters.V2_30, ServerActionWriters.V2_67)));
        }
        return List.copyOf(r);
    }

    /** Checks what Nova's schema checks without a lookup. */
    @Value.Check
    default void check() {
        host().ifPresent(h -> RequestRules.fqdn("host", h));
    }

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerLiveMigrate}. */
    final class Builder extends ImmutableServerLiveMigrate.Builder {}
}
