package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.servergroups.ServerGroup;
import dev.novasdk.compute.servergroups.ServerGroupCreate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Map;

/** The server group operations of Nova's API reference, each described once. */
final class ServerGroupOperations {
    static final Microversion POLICY_SINCE = Microversion.of(2, 64);

    static final Operation<Void, ServerGroup> GET = Operation.of(
                    "serverGroups.get", HttpMethod.GET, "os-server-groups/{id}")
            .returns(member("server_group", ServerGroup.class));

    static final Operation<Void, List<ServerGroup>> LIST = Operation.of(
                    "serverGroups.list", HttpMethod.GET, "os-server-groups")
            .returns((codec, request, response) ->
                    List.of(codec.decode(request, response, "server_groups", ServerGroup[].class)));

    /** Below 2.64: {@code {"name", "policies": [policy]}}. */
    static final Operation<ServerGroupCreate, ServerGroup> CREATE_POLICIES = Operation.of(
                    "serverGroups.create", HttpMethod.POST, "os-server-groups")
            .servedIn(MicroversionRange.atMost(Microversion.of(2, 63)))
            .<ServerGroupCreate>sends(
                    (codec, g) -> codec.writeEnveloped(
                            "server_group",
                            new PoliciesBody(g.name(), List.of(g.policy().value()))),
                    ServerGroupCreate::versionRequirements)
            .returns(member("server_group", ServerGroup.class));

    /** From 2.64: {@code {"name", "policy", "rules"}}. */
    static final Operation<ServerGroupCreate, ServerGroup> CREATE_POLICY = Operation.of(
                    "serverGroups.create", HttpMethod.POST, "os-server-groups")
            .servedIn(MicroversionRange.atLeast(POLICY_SINCE))
            .<ServerGroupCreate>sends(
                    (codec, g) -> codec.writeEnveloped(
                            "server_group",
                            new PolicyBody(
                                    g.name(),
                                    g.policy().value(),
                                    g.maxServerPerHost()
                                            .map(m -> Map.of("max_server_per_host", m))
                                            .orElse(null))),
                    ServerGroupCreate::versionRequirements)
            .returns(member("server_group", ServerGroup.class));

    static final Operation<Void, Void> DELETE =
            Operation.of("serverGroups.delete", HttpMethod.DELETE, "os-server-groups/{id}");

    /** The body below 2.64. */
    record PoliciesBody(@JsonProperty("name") String name, @JsonProperty("policies") List<String> policies) {}

    /** The body from 2.64; no rules, no member. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PolicyBody(
            @JsonProperty("name") String name,
            @JsonProperty("policy") String policy,
            @JsonProperty("rules") Map<String, Integer> rules) {}

    private ServerGroupOperations() {}
}
