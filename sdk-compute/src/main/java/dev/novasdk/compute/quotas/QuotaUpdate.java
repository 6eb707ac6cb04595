package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * New limits for a quota set or quota class set (admin): only the fields set are changed. Each limit is -1
 * (unlimited) or more. Written as JSON it is the body inside the {@code quota_set} (or
 * {@code quota_class_set}) envelope.
 *
 * <pre>{@code
 * QuotaUpdate fewer = QuotaUpdate.builder().instances(2).cores(4).build();
 * }</pre>
 *
 * <p>Nova removed the nova-network fields at microversion 2.36 (2.50 for class sets) and the injected-file
 * ones at 2.57; {@link #versionRequirements()} and {@link #classVersionRequirements()} list what the fields
 * set need.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface QuotaUpdate {
    /** The largest limit Nova stores (its database's integer). */
    int MAX_LIMIT = Integer.MAX_VALUE;

    /** Virtual CPUs. */
    @JsonProperty("cores")
    Optional<Integer> cores();

    /** Servers. */
    @JsonProperty("instances")
    Optional<Integer> instances();

    /** RAM, in MiB. */
    @JsonProperty("ram")
    Optional<Integer> ramMb();

    /** Keypairs per user. */
    @JsonProperty("key_pairs")
    Optional<Integer> keyPairs();

    /** Metadata items per server. */
    @JsonProperty("metadata_items")
    Optional<Integer> metadataItems();

    /** Server groups. */
    @JsonProperty("server_groups")
    Optional<Integer> serverGroups();

    /** Servers per server group. */
    @JsonProperty("server_group_members")
    Optional<Integer> serverGroupMembers();

    /** Fixed IPs of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("fixed_ips")
    Optional<Integer> fixedIps();

    /** Floating IPs of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("floating_ips")
    Optional<Integer> floatingIps();

    /** Security groups of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("security_groups")
    Optional<Integer> securityGroups();

    /** Security group rules of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("security_group_rules")
    Optional<Integer> securityGroupRules();

    /** Injected (personality) files per server (up to microversion 2.56). */
    @JsonProperty("injected_files")
    Optional<Integer> injectedFiles();

    /** Bytes per injected file (up to microversion 2.56). */
    @JsonProperty("injected_file_content_bytes")
    Optional<Integer> injectedFileContentBytes();

    /** Bytes per injected file path (up to microversion 2.56). */
    @JsonProperty("injected_file_path_bytes")
    Optional<Integer> injectedFilePathBytes();

    /**
     * Whether to set a limit below what is already in use (quota sets only, not class sets); Nova refuses
     * that otherwise.
     */
    @JsonIgnore
    Optional<Boolean> force();

    /** {@link #force()} as Nova's api-samples write it ({@code "True"}); Nova reads either form. */
    @Value.Derived
    @Value.Auxiliary
    @JsonProperty("force")
    default Optional<String> forceText() {
        return force().map(f -> f ? "True" : "False");
    }

    /** The microversions the fields set here need in a quota set update. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> versionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (fixedIps().isPresent()) {
            r.add(VersionRequirement.until("fixed_ips", Microversion.of(2, 35)));
        }
        if (floatingIps().isPresent()) {
            r.add(VersionRequirement.until("floating_ips", Microversion.of(2, 35)));
        }
        if (securityGroups().isPresent()) {
            r.add(VersionRequirement.until("security_groups", Microversion.of(2, 35)));
        }
        if (securityGroupRules().isPresent()) {
            r.add(VersionRequirement.until("security_group_rules", Microversion.of(2, 35)));
        }
        if (injectedFiles().isPresent()) {
            r.add(VersionRequirement.until("injected_files", Microversion.of(2, 56)));
        }
        if (injectedFileContentBytes().isPresent()) {
            r.add(VersionRequirement.until("injected_file_content_bytes", Microversion.of(2, 56)));
        }
        if (injectedFilePathBytes().isPresent()) {
            r.add(VersionRequirement.until("injected_file_path_bytes", Microversion.of(2, 56)));
        }
        return List.copyOf(r);
    }

    /** The microversions the fields set here need in a quota class set update. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> classVersionRequirements() {
        List<VersionRequirement> r = new ArrayList<>();
        if (fixedIps().isPresent()) {
            r.add(VersionRequirement.until("fixed_ips", Microversion.of(2, 49)));
        }
        if (floatingIps().isPresent()) {
            r.add(VersionRequirement.until("floating_ips", Microversion.of(2, 49)));
        }
        if (securityGroups().isPresent()) {
            r.add(VersionRequirement.until("security_groups", Microversion.of(2, 49)));
        }
        if (securityGroupRules().isPresent()) {
            r.add(VersionRequirement.until("security_group_rules", Microversion.of(2, 49)));
        }
        if (serverGroups().isPresent()) {
            r.add(VersionRequirement.since("server_groups", Microversion.of(2, 50)));
        }
        if (serverGroupMembers().isPresent()) {
            r.add(VersionRequirement.since("server_group_members", Microversion.of(2, 50)));
        }
        if (injectedFiles().isPresent()) {
            r.add(VersionRequirement.until("injected_files", Microversion.of(2, 56)));
        }
        if (injectedFileContentBytes().isPresent()) {
            r.add(VersionRequirement.until("injected_file_content_bytes", Microversion.of(2, 56)));
        }
        if (injectedFilePathBytes().isPresent()) {
            r.add(VersionRequirement.until("injected_file_path_bytes", Microversion.of(2, 56)));
        }
        return List.copyOf(r);
    }

    /** Checks Nova's schema before sending: every limit from -1 to the largest integer. */
    @Value.Check
    default void check() {
        checkLimit("cores", cores());
        checkLimit("instances", instances());
        checkLimit("ramMb", ramMb());
        checkLimit("keyPairs", keyPairs());
        checkLimit("metadataItems", metadataItems());
        checkLimit("serverGroups", serverGroups());
        checkLimit("serverGroupMembers", serverGroupMembers());
        checkLimit("fixedIps", fixedIps());
        checkLimit("floatingIps", floatingIps());
        checkLimit("securityGroups", securityGroups());
        checkLimit("securityGroupRules", securityGroupRules());
        checkLimit("injectedFiles", injectedFiles());
        checkLimit("injectedFileContentBytes", injectedFileContentBytes());
        checkLimit("injectedFilePathBytes", injectedFilePathBytes());
    }

    private static void checkLimit(String field, Optional<Integer> value) {
        value.filter(v -> v < -1).ifPresent(v -> {
            throw new IllegalArgumentException(field + " must be -1 (unlimited) or more, got " + v);
        });
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

    /** Builder of {@link QuotaUpdate}. */
    final class Builder extends ImmutableQuotaUpdate.Builder {}
}
