package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A quota set in detail ({@code GET /os-quota-sets/{project}/detail}): for each resource its limit, what is in
 * use and what is reserved. The fields follow the microversion as in {@link QuotaSet}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableQuotaSetDetail.class)
@JsonDeserialize(as = ImmutableQuotaSetDetail.class)
public interface QuotaSetDetail {
    /** The project id. */
    Optional<String> id();

    /** Virtual CPUs. */
    @JsonProperty("cores")
    Optional<QuotaUsage> cores();

    /** Servers. */
    @JsonProperty("instances")
    Optional<QuotaUsage> instances();

    /** RAM, in MiB. */
    @JsonProperty("ram")
    Optional<QuotaUsage> ramMb();

    /** Keypairs per user. */
    @JsonProperty("key_pairs")
    Optional<QuotaUsage> keyPairs();

    /** Metadata items per server. */
    @JsonProperty("metadata_items")
    Optional<QuotaUsage> metadataItems();

    /** Server groups. */
    @JsonProperty("server_groups")
    Optional<QuotaUsage> serverGroups();

    /** Servers per server group. */
    @JsonProperty("server_group_members")
    Optional<QuotaUsage> serverGroupMembers();

    /** Fixed IPs of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("fixed_ips")
    Optional<QuotaUsage> fixedIps();

    /** Floating IPs of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("floating_ips")
    Optional<QuotaUsage> floatingIps();

    /** Security groups of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("security_groups")
    Optional<QuotaUsage> securityGroups();

    /** Security group rules of the removed nova-network (up to microversion 2.35). */
    @JsonProperty("security_group_rules")
    Optional<QuotaUsage> securityGroupRules();

    /** Injected (personality) files per server (up to microversion 2.56). */
    @JsonProperty("injected_files")
    Optional<QuotaUsage> injectedFiles();

    /** Bytes per injected file (up to microversion 2.56). */
    @JsonProperty("injected_file_content_bytes")
    Optional<QuotaUsage> injectedFileContentBytes();

    /** Bytes per injected file path (up to microversion 2.56). */
    @JsonProperty("injected_file_path_bytes")
    Optional<QuotaUsage> injectedFilePathBytes();

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

    /** Builder of {@link QuotaSetDetail}. */
    final class Builder extends ImmutableQuotaSetDetail.Builder {}
}
