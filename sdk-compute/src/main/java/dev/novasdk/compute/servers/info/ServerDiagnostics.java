package dev.novasdk.compute.servers.info;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A server's hypervisor diagnostics. From compute microversion 2.48 Nova sends a fixed shape, read into the
 * typed fields; before, each driver sends its own keys ({@code cpu0_time}, {@code vda_read}, ...), kept as
 * they came in {@link #legacyValues()} with every typed field empty.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerDiagnostics.class)
@JsonDeserialize(as = ImmutableServerDiagnostics.class)
public interface ServerDiagnostics {
    /** The power state as the driver names it ({@code running}, {@code shutdown}, ...). */
    Optional<String> state();

    /** The virt driver ({@code libvirt}, {@code fake}, ...). */
    Optional<String> driver();

    /** The hypervisor ({@code kvm}, ...). */
    Optional<String> hypervisor();

    /** The hypervisor's operating system. */
    @JsonProperty("hypervisor_os")
    Optional<String> hypervisorOs();

    /** Seconds since the guest started. */
    Optional<Long> uptime();

    /** Whether the server has a config drive. */
    @JsonProperty("config_drive")
    Optional<Boolean> configDrive();

    /** The number of vCPUs. */
    @JsonProperty("num_cpus")
    Optional<Integer> numCpus();

    /** The number of network interfaces. */
    @JsonProperty("num_nics")
    Optional<Integer> numNics();

    /** The number of disks. */
    @JsonProperty("num_disks")
    Optional<Integer> numDisks();

    /** Per-vCPU figures. */
    @JsonProperty("cpu_details")
    List<Cpu> cpuDetails();

    /** Per-disk figures. */
    @JsonProperty("disk_details")
    List<Disk> diskDetails();

    /** Per-interface figures. */
    @JsonProperty("nic_details")
    List<Nic> nicDetails();

    /** Memory figures, in MiB. */
    @JsonProperty("memory_details")
    Optional<Memory> memoryDetails();

    /**
     * The free-form document of microversions before 2.48, key by key (numbers as {@code Integer} or
     * {@code Long}); empty from 2.48 on.
     */
    @JsonIgnore
    Map<String, Object> legacyValues();

    /** One vCPU: its id, CPU time in nanoseconds and utilisation in percent. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableCpu.class)
    @JsonDeserialize(as = ImmutableCpu.class)
    interface Cpu {
        /** The vCPU's index. */
        Optional<Integer> id();

        /** CPU time in nanoseconds. */
        Optional<Long> time();

        /** Utilisation in percent. */
        Optional<Integer> utilisation();
    }

    /** One disk's I/O counters. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableDisk.class)
    @JsonDeserialize(as = ImmutableDisk.class)
    interface Disk {
        /** Bytes read. */
        @JsonProperty("read_bytes")
        Optional<Long> readBytes();

        /** Read requests. */
        @JsonProperty("read_requests")
        Optional<Long> readRequests();

        /** Bytes written. */
        @JsonProperty("write_bytes")
        Optional<Long> writeBytes();

        /** Write requests. */
        @JsonProperty("write_requests")
        Optional<Long> writeRequests();

        /** I/O errors. */
        @JsonProperty("errors_count")
        Optional<Long> errorsCount();
    }

    /** One network interface's counters. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableNic.class)
    @JsonDeserialize(as = ImmutableNic.class)
    interface Nic {
        /** The interface's MAC address. */
        @JsonProperty("mac_address")
        Optional<String> macAddress();

        /** Bytes received. */
        @JsonProperty("rx_octets")
        Optional<Long> rxOctets();

        /** Receive errors. */
        @JsonProperty("rx_errors")
        Optional<Long> rxErrors();

        /** Received packets dropped. */
        @JsonProperty("rx_drop")
        Optional<Long> rxDrop();

        /** Packets received. */
        @JsonProperty("rx_packets")
        Optional<Long> rxPackets();

        /** Receive rate, in bytes per second. */
        @JsonProperty("rx_rate")
        Optional<Long> rxRate();

        /** Bytes sent. */
        @JsonProperty("tx_octets")
        Optional<Long> txOctets();

        /** Transmit errors. */
        @JsonProperty("tx_errors")
        Optional<Long> txErrors();

        /** Sent packets dropped. */
        @JsonProperty("tx_drop")
        Optional<Long> txDrop();

        /** Packets sent. */
        @JsonProperty("tx_packets")
        Optional<Long> txPackets();

        /** Transmit rate, in bytes per second. */
        @JsonProperty("tx_rate")
        Optional<Long> txRate();
    }

    /** Memory figures. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableMemory.class)
    @JsonDeserialize(as = ImmutableMemory.class)
    interface Memory {
        /** The guest's memory, in MiB. */
        Optional<Long> maximum();

        /** Memory in use, in MiB. */
        Optional<Long> used();
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServerDiagnostics}. */
    final class Builder extends ImmutableServerDiagnostics.Builder {}
}
