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
 * The resize, rebuild, migration, snapshot and remote console calls of {@link DefaultServerManager}, on the
 * descriptors of {@link ServerMoveOperations}. Thread-safe. Not API.
 */
final class ServerMoves {
    private static final Microversion REMOTE_CONSOLES = Microversion.of(2, 6);
    private static final String UNAVAILABLE_CONSOLE = "Unavailable console type";

    private final OperationExecutor executor;

    ServerMoves(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    void resize(String id, String flavorId, DiskConfig diskConfig) {
        Ids.require("flavorId", flavorId);
        String disk = null;
        if (diskConfig != null) {
            if (diskConfig == DiskConfig.UNKNOWN) {
                throw new IllegalArgumentException("OS-DCF:diskConfig must be AUTO or MANUAL");
            }
            disk = diskConfig.value();
        }
        executor.call(ServerMoveOperations.RESIZE, Call.to(id).body(new ServerMoveOperations.Resize(flavorId, disk)));
    }

    void confirmResize(String id) {
        executor.call(ServerMoveOperations.CONFIRM_RESIZE, Call.to(id));
    }

    void revertResize(String id) {
        executor.call(ServerMoveOperations.REVERT_RESIZE, Call.to(id));
    }

    Server rebuild(String id, ServerRebuild rebuild) {
        Objects.requireNonNull(rebuild, "rebuild");
        return executor.call(ServerMoveOperations.REBUILD, Call.to(id).body(rebuild));
    }

    void migrate(String id) {
        executor.call(ServerMoveOperations.MIGRATE, Call.to(id));
    }

    void migrate(String id, String host) {
        Ids.require("host", host);
        executor.call(ServerMoveOperations.MIGRATE_TO_HOST, Call.to(id).body(new ServerMoveOperations.Migrate(host)));
    }

    void liveMigrate(String id, ServerLiveMigrate request) {
        Objects.requireNonNull(request, "request");
        executor.call(ServerMoveOperations.LIVE_MIGRATE, Call.to(id).body(request));
    }

    Optional<String> evacuate(String id, ServerEvacuate request) {
        Objects.requireNonNull(request, "request");
        return executor.call(ServerMoveOperations.EVACUATE, Call.to(id).body(request));
    }

    String createImage(String id, ServerImageCreate request) {
        Objects.requireNonNull(request, "request");
        return executor.call(ServerMoveOperations.CREATE_IMAGE, Call.to(id).body(request));
    }

    String createBackup(String id, ServerBackupCreate request) {
        Objects.requireNonNull(request, "request");
        return executor.call(ServerMoveOperations.CREATE_BACKUP, Call.to(id).body(request));
    }

    RemoteConsole remoteConsole(String id, ConsoleType type) {
        Objects.requireNonNull(type, "type");
        if (type == ConsoleType.UNKNOWN) {
            throw new IllegalArgumentException("type UNKNOWN cannot be requested; name a console type");
        }
        Ids.require(id);
        String protocol = type.protocol().value();
        Microversion version = executor.versions().current();
        try {
            if (version.isAtLeast(REMOTE_CONSOLES)) {
                return executor.call(
                        ServerMoveOperations.REMOTE_CONSOLE,
                        Call.to(id).body(new ServerMoveOperations.RemoteConsoleRequest(protocol, type.value())));
            }
            Operation<ServerMoveOperations.LegacyConsoleRequest, RemoteConsole> legacy =
                    ServerMoveOperations.legacyConsole(protocol)
                            .orElseThrow(() -> new IllegalStateException("a " + type.value()
                                    + " console needs compute microversion 2.8 or later (remote-consoles); the client uses "
                                    + version));
            return executor.call(legacy, Call.to(id).body(new ServerMoveOperations.LegacyConsoleRequest(type.value())));
        } catch (BadRequestException e) {
            if (e.serviceMessage()
                    .filter(m -> m.startsWith(UNAVAILABLE_CONSOLE))
                    .isPresent()) {
                throw new ConsoleUnavailableException(e.error(), type);
            }
            throw e;
        }
    }
}
