package dev.novasdk.compute.hypervisors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The capacity and usage of every hypervisor added up ({@code GET /os-hypervisors/statistics}, until 2.87). */
@Value.Immutable
@JsonSerialize(as = ImmutableHypervisorStatistics.class)
@JsonDeserialize(as = ImmutableHypervisorStatistics.class)
public interface HypervisorStatistics {
    /** How many hypervisors were added up. */
    @JsonProperty("count")
    int count();

    /** Virtual CPUs. */
    @JsonProperty("vcpus")
    long vcpus();

    /** Virtual CPUs in use. */
    @JsonProperty("vcpus_used")
    long vcpusUsed();

    /** Memory in MiB. */
    @JsonProperty("memory_mb")
    long memoryMb();

    /** Memory in use in MiB. */
    @JsonProperty("memory_mb_used")
    long memoryMbUsed();

    /** Free memory in MiB. */
    @JsonProperty("free_ram_mb")
    long freeRamMb();

    /** Local disk in GiB. */
    @JsonProperty("local_gb")
    long localGb();

    /** Local disk in use in GiB. */
    @JsonProperty("local_gb_used")
    long localGbUsed();

    /** Free local disk in GiB. */
    @JsonProperty("free_disk_gb")
    long freeDiskGb();

    /** Disk available for new servers in GiB. */
    @JsonProperty("disk_available_least")
    long diskAvailableLeast();

    /** Tasks in progress. */
    @JsonProperty("current_workload")
    long currentWorkload();

    /** Servers running. */
    @JsonProperty("running_vms")
    long runningVms();

    /** A builder holding this value's fields. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link HypervisorStatistics}. */
    final class Builder extends ImmutableHypervisorStatistics.Builder {}
}
