package dev.novasdk.compute.internal;

import dev.novasdk.compute.servers.ConsoleType;
import dev.novasdk.compute.servers.ConsoleUnavailableException;
import dev.novasdk.compute.servers.DiskConfig;
import dev.novasdk.compute.servers.RemoteConsole;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerBackupCreate;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerLiveMigrate;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.core.error.BadRequestException;
import dev.novasdk.core.http.Microversion;
import java.util.Objects;
import java.util.Optional;

/**
 * The resize, rebuild, migration, snapshot and remote console calls of {@link DefaultServerManager} and
 * {@link DefaultServerAsyncManager}, as {@link Invocation}s of the descriptors of {@link ServerMoveOperations}:
 * each factory checks its arguments (throwing what the blocking method throws) and builds the body. Not API.
 */
final class ServerMoves {
    private static final Microversion REMOTE_CONSOLES = Microversion.of(2, 6);
    private static final String UNAVAILABLE_CONSOLE = "Unavailable console type";

    private ServerMoves() {}

    static Invocation<ServerMoveOperations.Resize, Void> resize(String id, String flavorId, DiskConfig diskConfig) {
        Ids.require("flavorId", flavorId);
        String disk = null;
        if (diskConfig != null) {
            if (diskConfig == DiskConfig.UNKNOWN) {
                throw new IllegalArgumentException("OS-DCF:diskConfig must be AUTO or MANUAL");
            }
            disk = diskConfig.value();
        }
        return Invocation.of(
                ServerMoveOperations.RESIZE, Call.to(id).body(new ServerMoveOperations.Resize(flavorId, disk)));
    }

    static Invocation<ServerRebuild, Server> rebuild(String id, ServerRebuild rebuild) {
        Objects.requireNonNull(rebuild, "rebuild");
        return Invocation.of(ServerMoveOperations.REBUILD, Call.to(id).body(rebuild));
    }

    static Invocation<ServerMoveOperations.Migrate, Void> migrate(String id, String host) {
        Ids.require("host", host);
        return Invocation.of(
                ServerMoveOperations.MIGRATE_TO_HOST, Call.to(id).body(new ServerMoveOperations.Migrate(host)));
    }

    static Invocation<ServerLiveMigrate, Void> liveMigrate(String id, ServerLiveMigrate request) {
        Objects.requireNonNull(request, "request");
        return Invocation.of(ServerMoveOperations.LIVE_MIGRATE, Call.to(id).body(request));
    }

    static Invocation<ServerEvacuate, Optional<String>> evacuate(String id, ServerEvacuate request) {
        Objects.requireNonNull(request, "request");
        return Invocation.of(ServerMoveOperations.EVACUATE, Call.to(id).body(request));
    }

    static Invocation<ServerImageCreate, String> createImage(String id, ServerImageCreate request) {
        Objects.requireNonNull(request, "request");
        return Invocation.of(ServerMoveOperations.CREATE_IMAGE, Call.to(id).body(request));
    }

    static Invocation<ServerBackupCreate, String> createBackup(String id, ServerBackupCreate request) {
        Objects.requireNonNull(request, "request");
        return Invocation.of(ServerMoveOperations.CREATE_BACKUP, Call.to(id).body(request));
    }

    /** The checks of a remote console request, which need no microversion. */
    static void checkConsole(String id, ConsoleType type) {
        Objects.requireNonNull(type, "type");
        if (type == ConsoleType.UNKNOWN) {
            throw new IllegalArgumentException("type UNKNOWN cannot be requested; name a console type");
        }
        Ids.require(id);
    }

    /**
     * The remote console call at {@code version}: {@code remote-consoles} from 2.6, the legacy action of the
     * console's protocol before.
     *
     * @throws IllegalStateException when the type has no legacy action and the version is below 2.6
     */
    static Invocation<?, RemoteConsole> remoteConsole(String id, ConsoleType type, Microversion version) {
        String protocol = type.protocol().value();
        if (version.isAtLeast(REMOTE_CONSOLES)) {
            return Invocation.of(
                    ServerMoveOperations.REMOTE_CONSOLE,
                    Call.to(id).body(new ServerMoveOperations.RemoteConsoleRequest(protocol, type.value())));
        }
        Operation<ServerMoveOperations.LegacyConsoleRequest, RemoteConsole> legacy = ServerMoveOperations.legacyConsole(
                        protocol)
                .orElseThrow(() -> new IllegalStateException("a " + type.value()
                        + " console needs compute microversion 2.8 or later (remote-consoles); the client uses "
                        + version));
        return Invocation.of(legacy, Call.to(id).body(new ServerMoveOperations.LegacyConsoleRequest(type.value())));
    }

    /** What a remote console call fails with: Nova's "Unavailable console type" 400 as its own exception. */
    static Throwable consoleFailure(Throwable failure, ConsoleType type) {
        if (failure instanceof BadRequestException) {
            BadRequestException e = (BadRequestException) failure;
            if (e.serviceMessage()
                    .filter(m -> m.startsWith(UNAVAILABLE_CONSOLE))
                    .isPresent()) {
                return new ConsoleUnavailableException(e.error(), type);
            }
        }
        return failure;
    }
}
