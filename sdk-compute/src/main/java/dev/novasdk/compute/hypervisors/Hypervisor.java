package dev.novasdk.compute.hypervisors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.internal.CpuInfoDeserializer;
import dev.novasdk.compute.services.ServiceHealth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A hypervisor (a compute node). The summary listing sends id, host name, state and status; the detailed
 * listing and show add the rest. The capacity and usage fields ({@link #vcpus()}, {@link #memoryMb()}, ...)
 * and {@link #cpuInfo()} are gone from microversion 2.88 (Placement has them), which adds {@link #uptime()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableHypervisor.class)
@JsonDeserialize(as = ImmutableHypervisor.class)
public interface Hypervisor extends ServiceHealth {
    /** The id: an integer (as text) before microversion 2.53, a UUID from 2.53. */
    @JsonProperty("id")
    String id();

    /** The host name of the hypervisor ({@code hypervisor_hostname}). */
    @JsonProperty("hypervisor_hostname")
    String hypervisorHostname();

    /** The driver's type ({@code QEMU}, {@code fake}, ...). */
    @JsonProperty("hypervisor_type")
    Optional<String> hypervisorType();

    /** The driver's version as an integer ({@code 2012001} for 2.12.1). */
    @JsonProperty("hypervisor_version")
    Optional<Long> hypervisorVersion();

    /** The IP address of the hypervisor's host. */
    @JsonProperty("host_ip")
    Optional<String> hostIp();

    /** The nova-compute service of the hypervisor. */
    @JsonProperty("service")
    Optional<HypervisorService> service();

    /** Virtual CPUs (until 2.87). */
    @JsonProperty("vcpus")
    Optional<Integer> vcpus();

    /** Virtual CPUs in use (until 2.87). */
    @JsonProperty("vcpus_used")
    Optional<Integer> vcpusUsed();

    /** Memory in MiB (until 2.87). */
    @JsonProperty("memory_mb")
    Optional<Long> memoryMb();

    /** Memory in use in MiB, the host's reserve included (until 2.87). */
    @JsonProperty("memory_mb_used")
    Optional<Long> memoryMbUsed();

    /** Free memory in MiB (until 2.87). */
    @JsonProperty("free_ram_mb")
    Optional<Long> freeRamMb();

    /** Local disk in GiB (until 2.87). */
    @JsonProperty("local_gb")
    Optional<Long> localGb();

    /** Local disk in use in GiB (until 2.87). */
    @JsonProperty("local_gb_used")
    Optional<Long> localGbUsed();

    /** Free local disk in GiB; negative when overcommitted (until 2.87). */
    @JsonProperty("free_disk_gb")
    Optional<Long> freeDiskGb();

    /** Disk available for new servers in GiB, as the driver estimates it (until 2.87). */
    @JsonProperty("disk_available_least")
    Optional<Long> diskAvailableLeast();

    /** Tasks in progress: builds, resizes, snapshots, ... (until 2.87). */
    @JsonProperty("current_workload")
    Optional<Integer> currentWorkload();

    /** Servers running on the hypervisor (until 2.87). */
    @JsonProperty("running_vms")
    Optional<Integer> runningVms();

    /**
     * The CPU's description (arch, model, vendor, features, topology), until 2.87. Nova sends it as a JSON text
     * before 2.28 and as an object from 2.28; both read as this map (empty when not sent).
     */
    @JsonProperty("cpu_info")
    @JsonDeserialize(using = CpuInfoDeserializer.class)
    Map<String, Object> cpuInfo();

    /** The host's uptime text ({@code uptime} output), sent in the detail from 2.88 and by the uptime call. */
    @JsonProperty("uptime")
    Optional<String> uptime();

    /** The servers on the hypervisor, when asked for ({@code with_servers}, or the servers call). */
    @JsonProperty("servers")
    List<HypervisorServer> servers();

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

    /** Builder of {@link Hypervisor}. */
    final class Builder extends ImmutableHypervisor.Builder {}
}
