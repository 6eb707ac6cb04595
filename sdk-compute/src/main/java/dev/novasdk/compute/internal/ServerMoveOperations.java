package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.member;
import static dev.novasdk.compute.internal.Bodies.nullMember;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.servers.RemoteConsole;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerBackupCreate;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerLiveMigrate;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.core.error.ResponseParseException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.JsonCodec;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The resize, rebuild, migration, snapshot and remote console operations of a server, each described once
 * (Nova's servers, migrate_server, evacuate, create_backup and remote_consoles APIs).
 */
final class ServerMoveOperations {
    private static final String ACTION = "servers/{id}/action";
    private static final Microversion V2_5 = Microversion.of(2, 5);
    private static final Microversion V2_6 = Microversion.of(2, 6);
    private static final Microversion V2_8 = Microversion.of(2, 8);
    private static final Microversion V2_56 = Microversion.of(2, 56);

    static final Operation<Resize, Void> RESIZE =
            Operation.of("servers.resize", HttpMethod.POST, ACTION).<Resize>sends(member("resize"));

    static final Operation<Void, Void> CONFIRM_RESIZE = action("confirmResize");

    static final Operation<Void, Void> REVERT_RESIZE = action("revertResize");

    static final Operation<ServerRebuild, Server> REBUILD = Operation.of("servers.rebuild", HttpMethod.POST, ACTION)
            .sends(Bodies.<ServerRebuild>json(), ServerRebuild::versionRequirements)
            .returns(member("server", Server.class));

    static final Operation<Void, Void> MIGRATE = action("migrate");

    static final Operation<Migrate, Void> MIGRATE_TO_HOST = Operation.of("servers.migrate", HttpMethod.POST, ACTION)
            .<Migrate>sends(member("migrate"), m -> List.of(VersionRequirement.since("host", V2_56)));

    static final Operation<ServerLiveMigrate, Void> LIVE_MIGRATE = Operation.of(
                    "servers.liveMigrate", HttpMethod.POST, ACTION)
            .sends(Bodies.<ServerLiveMigrate>json(), ServerLiveMigrate::versionRequirements);

    static final Operation<ServerEvacuate, Optional<String>> EVACUATE = Operation.of(
                    "servers.evacuate", HttpMethod.POST, ACTION)
            .sends(Bodies.<ServerEvacuate>json(), ServerEvacuate::versionRequirements)
            .returns(ServerMoveOperations::adminPass);

    static final Operation<ServerImageCreate, String> CREATE_IMAGE = Operation.of(
                    "servers.createImage", HttpMethod.POST, ACTION)
            .<ServerImageCreate>sends(member("createImage"))
            .returns(ServerMoveOperations::imageId);

    static final Operation<ServerBackupCreate, String> CREATE_BACKUP = Operation.of(
                    "servers.createBackup", HttpMethod.POST, ACTION)
            .<ServerBackupCreate>sends(member("createBackup"))
            .returns(ServerMoveOperations::imageId);

    /** {@code POST /servers/{id}/remote-consoles}, from 2.6; {@code webmks} needs 2.8. */
    static final Operation<RemoteConsoleRequest, RemoteConsole> REMOTE_CONSOLE = Operation.of(
                    "servers.remoteConsole", HttpMethod.POST, "servers/{id}/remote-consoles")
            .servedIn(MicroversionRange.atLeast(V2_6))
            .<RemoteConsoleRequest>sends(
                    member("remote_console"),
                    r -> "mks".equals(r.protocol())
                            ? List.of(VersionRequirement.since("remote_console.protocol", V2_8)
                                    .withCondition("'mks'"))
                            : List.of())
            .returns(member("remote_console", RemoteConsole.class));

    /** The body of {@code resize}; a null disk config is left out. */
    record Resize(@JsonProperty("flavorRef") String flavorRef, @JsonProperty("OS-DCF:diskConfig") String diskConfig) {}

    /** The body of {@code migrate} with a host (2.56). */
    record Migrate(@JsonProperty("host") String host) {}

    /** The body of {@code remote-consoles}. */
    record RemoteConsoleRequest(@JsonProperty("protocol") String protocol, @JsonProperty("type") String type) {}

    /** The body of the pre-2.6 console actions. */
    record LegacyConsoleRequest(@JsonProperty("type") String type) {}

    private ServerMoveOperations() {}

    /**
     * The console action of a protocol before 2.6 ({@code os-getVNCConsole}, ...); Nova removed them at 2.6,
     * and MKS never had one.
     */
    static Optional<Operation<LegacyConsoleRequest, RemoteConsole>> legacyConsole(String protocol) {
        String action;
        switch (protocol) {
            case "vnc":
                action = "os-getVNCConsole";
                break;
            case "spice":
                action = "os-getSPICEConsole";
                break;
            case "rdp":
                action = "os-getRDPConsole";
                break;
            case "serial":
                action = "os-getSerialConsole";
                break;
            default:
                return Optional.empty();
        }
        return Optional.of(Operation.of("servers." + action, HttpMethod.POST, ACTION)
                .servedIn(MicroversionRange.atMost(V2_5))
                .<LegacyConsoleRequest>sends(member(action))
                .returns(member("console", RemoteConsole.class)));
    }

    private static Operation<Void, Void> action(String name) {
        return Operation.of("servers." + name, HttpMethod.POST, ACTION).sends(nullMember(name));
    }

    // Nova answers {"image_id": ...} from 2.45; before, an empty body and the image's Glance URL in Location.
    private static String imageId(JsonCodec codec, HttpRequest request, HttpResponse response) {
        if (response.bodyLength() > 0) {
            JsonNode doc = codec.decode(request, response, null, JsonNode.class);
            JsonNode id = doc.get("image_id");
            if (id != null && id.isTextual()) {
                return id.asText();
            }
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isPresent()) {
            String path = URI.create(location.get().trim()).getPath();
            String id = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            if (!id.isEmpty()) {
                return id;
            }
        }
        throw new ResponseParseException(
                request.method(),
                request.uri(),
                response.statusCode(),
                response.requestId().orElse(null),
                "neither an image_id member nor a Location header names the new image",
                null);
    }

    // Before 2.14 Nova answers {"adminPass": ...} unless the cloud disables instance passwords; from 2.14
    // nothing.
    private static Optional<String> adminPass(JsonCodec codec, HttpRequest request, HttpResponse response) {
        if (response.bodyLength() == 0) {
            return Optional.empty();
        }
        JsonNode pass = codec.decode(request, response, null, JsonNode.class).get("adminPass");
        return pass != null && pass.isTextual() ? Optional.of(pass.asText()) : Optional.empty();
    }
}
