package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The limits a quota set holds, one per resource, -1 meaning unlimited: what {@link QuotaSet} reads and
 * {@link QuotaUpdate} changes. Nova stops sending (and accepting) the nova-network fields at microversion 2.36
 * (2.50 for class sets) and the injected-file ones at 2.57.
 */
public interface QuotaValues {
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
}
