package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A quota set ({@code quota_set}) or quota class set ({@code quota_class_set}): the limit of each resource,
 * -1 meaning unlimited. Nova stops sending the nova-network fields at microversion 2.36 (2.50 for class sets)
 * and the injected-file ones at 2.57, and sends the server group ones in class sets from 2.50, so every field
 * is optional. An update's response has no {@code id}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableQuotaSet.class)
@JsonDeserialize(as = ImmutableQuotaSet.class)
public interface QuotaSet {
    /** The project id, or the class name ({@code default}) of a class set; absent in update responses. */
    Optional<String> id();

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

    /** Builder of {@link QuotaSet}. */
    final class Builder extends ImmutableQuotaSet.Builder {}
}
