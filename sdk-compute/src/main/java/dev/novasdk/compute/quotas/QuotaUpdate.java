package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
public interface QuotaUpdate extends QuotaValues {
    /** The nova-network fields, gone at microversion 2.36 (2.50 for class sets). */
    Set<String> NETWORK_FIELDS = Set.of("fixed_ips", "floating_ips", "security_groups", "security_group_rules");

    /** The injected-file fields, gone at microversion 2.57. */
    Set<String> INJECTED_FIELDS = Set.of("injected_files", "injected_file_content_bytes", "injected_file_path_bytes");

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
        return requirements(Microversion.of(2, 35), null);
    }

    /** The microversions the fields set here need in a quota class set update. */
    @Value.Lazy
    @JsonIgnore
    default List<VersionRequirement> classVersionRequirements() {
        return requirements(Microversion.of(2, 49), Microversion.of(2, 50));
    }

    // networkUntil: the last version with the nova-network fields; groupsSince: the first with the server group
    // ones (class sets only; quota sets always had them). The injected-file fields went at 2.57 in both.
    private List<VersionRequirement> requirements(Microversion networkUntil, Microversion groupsSince) {
        List<VersionRequirement> r = new ArrayList<>();
        limits().forEach((field, value) -> {
            if (NETWORK_FIELDS.contains(field)) {
                r.add(VersionRequirement.until(field, networkUntil));
            } else if (INJECTED_FIELDS.contains(field)) {
                r.add(VersionRequirement.until(field, Microversion.of(2, 56)));
            } else if (groupsSince != null && field.startsWith("server_group")) {
                r.add(VersionRequirement.since(field, groupsSince));
            }
        });
        return List.copyOf(r);
    }

    /** The limits set, by Nova's field name, in Nova's order. */
    @Value.Lazy
    @JsonIgnore
    default Map<String, Integer> limits() {
        Map<String, Integer> m = new LinkedHashMap<>();
        cores().ifPresent(v -> m.put("cores", v));
        fixedIps().ifPresent(v -> m.put("fixed_ips", v));
        floatingIps().ifPresent(v -> m.put("floating_ips", v));
        injectedFileContentBytes().ifPresent(v -> m.put("injected_file_content_bytes", v));
        injectedFilePathBytes().ifPresent(v -> m.put("injected_file_path_bytes", v));
        injectedFiles().ifPresent(v -> m.put("injected_files", v));
        instances().ifPresent(v -> m.put("instances", v));
        keyPairs().ifPresent(v -> m.put("key_pairs", v));
        metadataItems().ifPresent(v -> m.put("metadata_items", v));
        ramMb().ifPresent(v -> m.put("ram", v));
        securityGroupRules().ifPresent(v -> m.put("security_group_rules", v));
        securityGroups().ifPresent(v -> m.put("security_groups", v));
        serverGroupMembers().ifPresent(v -> m.put("server_group_members", v));
        serverGroups().ifPresent(v -> m.put("server_groups", v));
        return Collections.unmodifiableMap(m);
    }

    /** Checks Nova's schema before sending: every limit from -1 to the largest integer. */
    @Value.Check
    default void check() {
        limits().forEach((field, v) -> {
            if (v < -1) {
                throw new IllegalArgumentException(field + " must be -1 (unlimited) or more, got " + v);
            }
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
