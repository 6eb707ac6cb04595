package dev.novasdk.compute.servers.info;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The NUMA topology of a server: its guest NUMA nodes and the page size backing its memory. */
@Value.Immutable
@JsonSerialize(as = ImmutableServerTopology.class)
@JsonDeserialize(as = ImmutableServerTopology.class)
public interface ServerTopology {
    /** The guest NUMA nodes; empty for a server without a NUMA topology. */
    List<Node> nodes();

    /** The page size in KiB; empty when Nova sends {@code null} (no NUMA topology). */
    @JsonProperty("pagesize_kb")
    Optional<Integer> pagesizeKb();

    /** One guest NUMA node. */
    @Value.Immutable
    @JsonSerialize(as = ImmutableNode.class)
    @JsonDeserialize(as = ImmutableNode.class)
    interface Node {
        /** The node's memory, in MiB. */
        @JsonProperty("memory_mb")
        Optional<Integer> memoryMb();

        /** The guest vCPUs of the node. */
        @JsonProperty("vcpu_set")
        List<Integer> vcpuSet();

        /** The vCPUs grouped by thread siblings. */
        List<List<Integer>> siblings();

        /** The host NUMA node the guest node is on; admins only. */
        @JsonProperty("host_node")
        Optional<Integer> hostNode();

        /** Guest vCPU (as a string, as Nova keys it) to host CPU; admins only, and only when pinned. */
        @JsonProperty("cpu_pinning")
        Map<String, Integer> cpuPinning();
    }
}
