package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.compute.Link;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A server (virtual machine) as nova describes it, with the extended attributes nova adds by policy and
 * microversion. The same type holds every shape nova sends: the full document of a show or detailed list,
 * the id-name-links entries of a plain list, the partial body of a create response (id, links,
 * {@link #adminPass()}, ...) and the id-status entries of servers in an unreachable cell (2.69+). Hence
 * nearly everything is optional; collections are empty when absent.
 *
 * <p>A model only: it never calls nova. {@link #flavor()} and {@link #image()} are what nova sent; resolve
 * them through the flavors and images APIs when more is needed.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServer.class)
@JsonDeserialize(as = ImmutableServer.class)
public abstract class Server {
    Server() { // package-private: only the generated implementation extends it
    }

    /** The server's UUID. */
    public abstract String id();

    /** The name; absent from create responses and from servers in an unreachable cell. */
    public abstract Optional<String> name();

    /** The status exactly as nova sent it; absent from create responses. */
    @JsonProperty("status")
    public abstract Optional<String> statusRaw();

    /** The status; {@link ServerStatus#UNKNOWN} when nova sent a value this SDK does not know, or none. */
    @JsonIgnore
    public ServerStatus status() {
        return ServerStatus.fromValue(statusRaw().orElse(null));
    }

    /** The project that owns the server. */
    @JsonProperty("tenant_id")
    public abstract Optional<String> tenantId();

    /** The user who created the server. */
    @JsonProperty("user_id")
    public abstract Optional<String> userId();

    /** When the server was created. */
    public abstract Optional<Instant> created();

    /** When the server was last changed. */
    public abstract Optional<Instant> updated();

    /** An opaque id of the host, unique per project: equal values mean the same host. */
    @JsonProperty("hostId")
    public abstract Optional<String> hostId();

    /** The IPv4 address set by the user for access ({@code accessIPv4}); often the empty string. */
    @JsonProperty("accessIPv4")
    public abstract Optional<String> accessIpv4();

    /** The IPv6 address set by the user for access ({@code accessIPv6}); often the empty string. */
    @JsonProperty("accessIPv6")
    public abstract Optional<String> accessIpv6();

    /** The addresses by network name. */
    public abstract Map<String, List<ServerAddress>> addresses();

    /** Links to the server ({@code self}, {@code bookmark}). */
    public abstract List<Link> links();

    /**
     * The image the server was booted from; empty for a server booted from a volume (nova sends
     * {@code "image": ""}) and when nova sent no image.
     */
    @JsonDeserialize(contentUsing = ServerImageDeserializer.class)
    public abstract Optional<ServerImage> image();

    /** The flavor: a reference below microversion 2.47, embedded values from 2.47 on. */
    public abstract Optional<ServerFlavor> flavor();

    /** The name of the key pair injected at boot. */
    @JsonProperty("key_name")
    public abstract Optional<String> keyName();

    /** The user metadata. */
    public abstract Map<String, String> metadata();

    /**
     * Whether a config drive was requested, as nova sends it: {@code "True"}, or the empty string for none.
     * See {@link #configDriveEnabled()}.
     */
    @JsonProperty("config_drive")
    public abstract Optional<String> configDrive();

    /** Whether the server has a config drive. */
    @JsonIgnore
    public boolean configDriveEnabled() {
        return configDrive()
                .map(String::trim)
                .filter(v -> v.equalsIgnoreCase("true") || v.equals("1"))
                .isPresent();
    }

    /** Build or resize progress in percent. */
    public abstract Optional<Integer> progress();

    /**
     * The task in progress exactly as nova sent it ({@code OS-EXT-STS:task_state}), such as {@code spawning};
     * absent when idle.
     */
    @JsonProperty("OS-EXT-STS:task_state")
    public abstract Optional<String> taskStateRaw();

    /** The task in progress; {@link TaskState#UNKNOWN} for a value this SDK does not know; absent when idle. */
    @JsonIgnore
    public Optional<TaskState> taskState() {
        return taskStateRaw().map(TaskState::fromValue);
    }

    /**
     * The vm state exactly as nova sent it ({@code OS-EXT-STS:vm_state}), such as {@code active},
     * {@code stopped} or {@code error}.
     */
    @JsonProperty("OS-EXT-STS:vm_state")
    public abstract Optional<String> vmStateRaw();

    /** The vm state; {@link VmState#UNKNOWN} for a value this SDK does not know. */
    @JsonIgnore
    public Optional<VmState> vmState() {
        return vmStateRaw().map(VmState::fromValue);
    }

    /** The power state code exactly as nova sent it ({@code OS-EXT-STS:power_state}). */
    @JsonProperty("OS-EXT-STS:power_state")
    public abstract Optional<Integer> powerStateCode();

    /** The power state; {@link PowerState#UNKNOWN} for a code this SDK does not know. */
    @JsonIgnore
    public Optional<PowerState> powerState() {
        return powerStateCode().map(PowerState::fromCode);
    }

    /** The compute host ({@code OS-EXT-SRV-ATTR:host}); admin only by default. */
    @JsonProperty("OS-EXT-SRV-ATTR:host")
    public abstract Optional<String> host();

    /** The hypervisor node ({@code OS-EXT-SRV-ATTR:hypervisor_hostname}); admin only by default. */
    @JsonProperty("OS-EXT-SRV-ATTR:hypervisor_hostname")
    public abstract Optional<String> hypervisorHostname();

    /** The instance name on the hypervisor ({@code OS-EXT-SRV-ATTR:instance_name}); admin only by default. */
    @JsonProperty("OS-EXT-SRV-ATTR:instance_name")
    public abstract Optional<String> instanceName();

    /** The reservation id shared by servers created in one request (2.3+, admin). */
    @JsonProperty("OS-EXT-SRV-ATTR:reservation_id")
    public abstract Optional<String> reservationId();

    /** The index of the server among those created in one request (2.3+, admin). */
    @JsonProperty("OS-EXT-SRV-ATTR:launch_index")
    public abstract Optional<Integer> launchIndex();

    /** The hostname of the guest (2.3+, admin; from 2.90 visible to owners too). */
    @JsonProperty("OS-EXT-SRV-ATTR:hostname")
    public abstract Optional<String> hostname();

    /** The kernel image id, often the empty string (2.3+, admin). */
    @JsonProperty("OS-EXT-SRV-ATTR:kernel_id")
    public abstract Optional<String> kernelId();

    /** The ramdisk image id, often the empty string (2.3+, admin). */
    @JsonProperty("OS-EXT-SRV-ATTR:ramdisk_id")
    public abstract Optional<String> ramdiskId();

    /** The root device name, such as {@code /dev/vda} (2.3+, admin). */
    @JsonProperty("OS-EXT-SRV-ATTR:root_device_name")
    public abstract Optional<String> rootDeviceName();

    /**
     * The base64 user data ({@code OS-EXT-SRV-ATTR:user_data}, 2.3+, admin; also read from the
     * {@code user_data} of rebuild responses, 2.57+). Not shown by {@link #toString()}, since user data
     * often holds credentials.
     */
    @JsonProperty("OS-EXT-SRV-ATTR:user_data")
    @JsonAlias("user_data")
    @Value.Redacted
    public abstract Optional<String> userData();

    /** The availability zone ({@code OS-EXT-AZ:availability_zone}). */
    @JsonProperty("OS-EXT-AZ:availability_zone")
    public abstract Optional<String> availabilityZone();

    /** How the root disk was partitioned, exactly as nova sent it ({@code OS-DCF:diskConfig}). */
    @JsonProperty("OS-DCF:diskConfig")
    public abstract Optional<String> diskConfigRaw();

    /** How the root disk was partitioned; {@link DiskConfig#UNKNOWN} for a value this SDK does not know. */
    @JsonIgnore
    public Optional<DiskConfig> diskConfig() {
        return diskConfigRaw().map(DiskConfig::fromValue);
    }

    /** When the server was last started ({@code OS-SRV-USG:launched_at}). */
    @JsonProperty("OS-SRV-USG:launched_at")
    public abstract Optional<Instant> launchedAt();

    /** When the server was deleted ({@code OS-SRV-USG:terminated_at}). */
    @JsonProperty("OS-SRV-USG:terminated_at")
    public abstract Optional<Instant> terminatedAt();

    /** The security groups, by name. */
    @JsonProperty("security_groups")
    public abstract List<ServerSecurityGroup> securityGroups();

    /** The attached volumes ({@code os-extended-volumes:volumes_attached}). */
    @JsonProperty("os-extended-volumes:volumes_attached")
    public abstract List<AttachedVolume> volumesAttached();

    /** Why the server failed; present for servers in {@code ERROR}. */
    public abstract Optional<ServerFault> fault();

    /** Whether the server is locked against changes by non-admins (2.9+). */
    public abstract Optional<Boolean> locked();

    /** Why the server was locked (2.73+). */
    @JsonProperty("locked_reason")
    public abstract Optional<String> lockedReason();

    /** The user's description of the server (2.19+). */
    public abstract Optional<String> description();

    /** The server's tags (2.26+). */
    public abstract List<String> tags();

    /** The ids of certificates trusted for image signature verification (2.63+). */
    @JsonProperty("trusted_image_certificates")
    public abstract List<String> trustedImageCertificates();

    /**
     * The state of the compute service on the server's host exactly as nova sent it ({@code host_status}:
     * {@code UP}, {@code DOWN}, ..., 2.16+).
     */
    @JsonProperty("host_status")
    public abstract Optional<String> hostStatusRaw();

    /** The state of the compute service on the server's host (2.16+). */
    @JsonIgnore
    public Optional<HostStatus> hostStatus() {
        return hostStatusRaw().map(HostStatus::fromValue);
    }

    /** The ids of the server groups the server belongs to (2.71+). */
    @JsonProperty("server_groups")
    public abstract List<String> serverGroups();

    /** The availability zone the server is pinned to, if any (2.96+). */
    @JsonProperty("pinned_availability_zone")
    public abstract Optional<String> pinnedAvailabilityZone();

    /**
     * The scheduler hints the server was created with ({@code scheduler_hints}); single values read as
     * one-element lists. Nova sends them from microversion 2.100 on, above the highest version this SDK asks
     * for ({@link dev.novasdk.compute.ComputeClient#SDK_MAX_MICROVERSION}, 2.96), so servers fetched through
     * its clients have none; the field is read when a document of a later version is parsed.
     */
    @JsonProperty("scheduler_hints")
    @JsonDeserialize(using = SchedulerHintsDeserializer.class)
    public abstract Map<String, List<String>> schedulerHints();

    /**
     * The administrative password nova generated or set; only in create and rebuild responses, and only
     * when the cloud allows it. Not shown by {@link #toString()}.
     */
    @JsonProperty("adminPass")
    @Value.Redacted
    public abstract Optional<String> adminPass();

    // Deep immutability: nested lists from Jackson or a caller are copied into unmodifiable ones.
    @Value.Check
    Server normalize() {
        if (unmodifiableValues(addresses()) && unmodifiableValues(schedulerHints())) {
            return this;
        }
        return builder()
                .from(this)
                .addresses(copyValues(addresses()))
                .schedulerHints(copyValues(schedulerHints()))
                .build();
    }

    private static <V> boolean unmodifiableValues(Map<String, List<V>> map) {
        // List.copyOf returns its argument when that is already an unmodifiable list of its own making. A loop,
        // not a stream: this runs for every server decoded.
        for (List<V> list : map.values()) {
            if (List.copyOf(list) != list) {
                return false;
            }
        }
        return true;
    }

    private static <V> Map<String, List<V>> copyValues(Map<String, List<V>> map) {
        Map<String, List<V>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /**
     * A builder holding this server's fields, to make a changed copy; changing the builder never changes this
     * server.
     */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link Server}. */
    public static final class Builder extends ImmutableServer.Builder {
        /** Sets the status from the enum; {@link Server#statusRaw()} gets its wire value. */
        public Builder status(ServerStatus status) {
            statusRaw(Objects.requireNonNull(status, "status").value());
            return this;
        }

        /** Sets the task state from the enum; {@link Server#taskStateRaw()} gets its wire value. */
        public Builder taskState(TaskState taskState) {
            return taskStateRaw(Objects.requireNonNull(taskState, "taskState").value());
        }

        /** Sets the vm state from the enum; {@link Server#vmStateRaw()} gets its wire value. */
        public Builder vmState(VmState vmState) {
            return vmStateRaw(Objects.requireNonNull(vmState, "vmState").value());
        }

        /** Sets the host status from the enum; {@link Server#hostStatusRaw()} gets its wire value. */
        public Builder hostStatus(HostStatus hostStatus) {
            return hostStatusRaw(
                    Objects.requireNonNull(hostStatus, "hostStatus").value());
        }

        /** Sets the disk config from the enum; {@link Server#diskConfigRaw()} gets its wire value. */
        public Builder diskConfig(DiskConfig diskConfig) {
            return diskConfigRaw(
                    Objects.requireNonNull(diskConfig, "diskConfig").value());
        }
    }
}
