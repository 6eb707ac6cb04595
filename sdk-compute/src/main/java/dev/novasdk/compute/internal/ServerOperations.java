package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;
import static dev.novasdk.compute.internal.Bodies.nullMember;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUpdate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.List;

/** The server operations of Nova's API reference, each described once. */
final class ServerOperations {
    static final String ACTION = "servers/{id}/action";

    static final Operation<ServerCreate, Server> CREATE = Operation.of("servers.create", HttpMethod.POST, "servers")
            .sends(Bodies.<ServerCreate>json(), ServerCreate::versionRequirements)
            .returns(Bodies.learningSecret(member("server", Server.class, ServerJson::server), Server::adminPass));

    static final Operation<ServerCreate, String> CREATE_RESERVATION =
            CREATE.returns(member("reservation_id", String.class));

    // 400 as well as 404 means "not an id" to find(): some deployments refuse ids of the wrong shape.
    static final Operation<Void, Server> GET = Operation.of("servers.get", HttpMethod.GET, "servers/{id}")
            .returns(member("server", Server.class, ServerJson::server))
            .absentWhen(404, 400);

    static final ListOperation<ServerListDocument, Server> LIST = list("servers");

    static final ListOperation<ServerListDocument, Server> LIST_DETAIL = list("servers/detail");

    static final Operation<ServerUpdate, Server> UPDATE = Operation.of("servers.update", HttpMethod.PUT, "servers/{id}")
            .sends(member("server"), ServerUpdate::versionRequirements)
            .returns(member("server", Server.class, ServerJson::server));

    static final Operation<Void, Void> DELETE = Operation.of("servers.delete", HttpMethod.DELETE, "servers/{id}");

    static final Operation<Void, Void> FORCE_DELETE = action("forceDelete");

    static final Operation<Void, Void> START = action("os-start");

    static final Operation<Void, Void> STOP = action("os-stop");

    static final Operation<Reboot, Void> REBOOT =
            Operation.of("servers.reboot", HttpMethod.POST, ACTION).<Reboot>sends(member("reboot"));

    static final Operation<ConsoleOutput, String> CONSOLE_OUTPUT = Operation.of(
                    "servers.consoleOutput", HttpMethod.POST, ACTION)
            .<ConsoleOutput>sends(member("os-getConsoleOutput"))
            .returns(member("output", String.class))
            .idempotent(true);

    /** The body of {@code reboot}. */
    record Reboot(@JsonProperty("type") String type) {}

    /** The body of {@code os-getConsoleOutput}; no length means the whole log. */
    record ConsoleOutput(@JsonProperty("length") Integer length) {}

    private ServerOperations() {}

    /** The version requirements of a listing's filters: tag filters came in 2.26. */
    static List<VersionRequirement> listRequirements(ServerListOptions options) {
        List<VersionRequirement> r = new ArrayList<>();
        if (!options.tags().isEmpty()) {
            r.add(VersionRequirement.since("tags", Microversion.of(2, 26)));
        }
        if (!options.tagsAny().isEmpty()) {
            r.add(VersionRequirement.since("tags-any", Microversion.of(2, 26)));
        }
        return r;
    }

    static Operation<Void, Void> action(String name) {
        return Operation.of("servers." + name, HttpMethod.POST, ACTION).sends(nullMember(name));
    }

    private static ListOperation<ServerListDocument, Server> list(String path) {
        return ListOperation.of(
                Operation.of("servers.list", HttpMethod.GET, path)
                        .returns(document(ServerListDocument.class, ServerJson::page)),
                ServerListDocument::servers,
                ServerListDocument::nextHref,
                Server::id,
                // A build request reads BUILD; a summary listing shows no status, so any item may be one.
                s -> s.statusRaw().isEmpty() || s.status() == ServerStatus.BUILD);
    }
}
