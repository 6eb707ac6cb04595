package dev.novasdk.compute.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A project's use over a period: totals (in hours, vCPU-hours, MiB-hours and GiB-hours) and, when detailed,
 * each server's use. Nova answers an empty object for a project without use in the period, so every field
 * is optional. With paging (2.40+) the totals cover the servers of one page.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableTenantUsage.class)
@JsonDeserialize(as = ImmutableTenantUsage.class)
public interface TenantUsage {
    /** The project. */
    @JsonProperty("tenant_id")
    Optional<String> tenantId();

    /** The start of the period. */
    @JsonProperty("start")
    Optional<Instant> start();

    /** The end of the period (now, when the asked end is in the future). */
    @JsonProperty("stop")
    Optional<Instant> stop();

    /** Server hours. */
    @JsonProperty("total_hours")
    Optional<Double> totalHours();

    /** vCPU-hours. */
    @JsonProperty("total_vcpus_usage")
    Optional<Double> totalVcpusUsage();

    /** MiB-hours of memory. */
    @JsonProperty("total_memory_mb_usage")
    Optional<Double> totalMemoryMbUsage();

    /** GiB-hours of disk. */
    @JsonProperty("total_local_gb_usage")
    Optional<Double> totalLocalGbUsage();

    /** Each server's use (in a detailed listing and for one project). */
    @JsonProperty("server_usages")
    List<ServerUsage> serverUsages();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link TenantUsage}. */
    final class Builder extends ImmutableTenantUsage.Builder {}
}
