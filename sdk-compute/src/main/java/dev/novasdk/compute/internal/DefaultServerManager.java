package dev.novasdk.compute.internal;

import dev.novasdk.compute.instanceactions.InstanceActionManager;
import dev.novasdk.compute.servers.ConsoleType;
import dev.novasdk.compute.servers.DiskConfig;
import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.RemoteConsole;
import dev.novasdk.compute.servers.ResetState;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerBackupCreate;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerLiveMigrate;
import dev.novasdk.compute.servers.ServerManager;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.compute.servers.ServerRescue;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUnshelve;
import dev.novasdk.compute.servers.ServerUpdate;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentManager;
import dev.novasdk.compute.servers.info.ServerAddressManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsManager;
import dev.novasdk.compute.servers.info.ServerPasswordManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupManager;
import dev.novasdk.compute.servers.info.ServerTopologyManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataManager;
import dev.novasdk.compute.servers.metadata.ServerTagManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationManager;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** {@link ServerManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultServerManager implements ServerManager {
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");

    private final OperationExecutor executor;
    private final SubResourceManagers sub;
    private final InstanceActionManager instanceActions;

    /** A manager sending through {@code executor}. */
    public DefaultServerManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sub = new SubResourceManagers(executor);
        this.instanceActions = new DefaultInstanceActionManager(executor);
    }

    @Override
    public Server create(ServerCreate request) {
        return executor.call(ServerOperations.CREATE, Call.with(forCreate(request)));
    }

    static ServerCreate forCreate(ServerCreate request) {
        Objects.requireNonNull(request, "request");
        if (request.returnReservationId().orElse(false)) {
            throw new IllegalArgumentException("returnReservationId is set: Nova then answers a reservation id, "
                    + "not a server; use createReservation(..)");
        }
        return request;
    }

    @Override
    public String createReservation(ServerCreate request) {
        return executor.call(ServerOperations.CREATE_RESERVATION, Call.with(forReservation(request)));
    }

    static ServerCreate forReservation(ServerCreate request) {
        Objects.requireNonNull(request, "request");
        return request.returnReservationId().orElse(false)
                ? request
                : ServerCreate.builder().from(request).returnReservationId(true).build();
    }

    @Override
    public Server get(String id) {
        return executor.call(ServerOperations.GET, Call.to(id));
    }

    @Override
    public Optional<Server> find(String nameOrId) {
        return Finder.find(
                nameOrId,
                "server",
                id -> executor.callIfPresent(ServerOperations.GET, Call.to(id)),
                name -> list(exactName(name)),
                Server::name,
                Server::id);
    }

    // Nova filters names by regular expression: anchored and escaped, it lists only this exact name.
    static ServerListOptions exactName(String name) {
        return ServerListOptions.builder()
                .name("^" + REGEX_SPECIALS.matcher(name).replaceAll("\\\\$0") + "$")
                .build();
    }

    @Override
    public PagedIterable<Server> list(ServerListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                options.detail() ? ServerOperations.LIST_DETAIL : ServerOperations.LIST,
                Call.to().query(options.query()).require(ServerOperations.listRequirements(options)));
    }

    @Override
    public Server update(String id, ServerUpdate update) {
        Objects.requireNonNull(update, "update");
        return executor.call(ServerOperations.UPDATE, Call.to(id).body(update));
    }

    @Override
    public void delete(String id) {
        executor.call(ServerOperations.DELETE, Call.to(id));
    }

    @Override
    public void forceDelete(String id) {
        executor.call(ServerOperations.FORCE_DELETE, Call.to(id));
    }

    @Override
    public void start(String id) {
        executor.call(ServerOperations.START, Call.to(id));
    }

    @Override
    public void stop(String id) {
        executor.call(ServerOperations.STOP, Call.to(id));
    }

    @Override
    public void reboot(String id, RebootType type) {
        ServerActions.reboot(id, type).run(executor);
    }

    @Override
    public void pause(String id) {
        ServerActions.on(ServerStateOperations.PAUSE, id).run(executor);
    }

    @Override
    public void unpause(String id) {
        ServerActions.on(ServerStateOperations.UNPAUSE, id).run(executor);
    }

    @Override
    public void suspend(String id) {
        ServerActions.on(ServerStateOperations.SUSPEND, id).run(executor);
    }

    @Override
    public void resume(String id) {
        ServerActions.on(ServerStateOperations.RESUME, id).run(executor);
    }

    @Override
    public void lock(String id) {
        ServerActions.on(ServerStateOperations.LOCK, id).run(executor);
    }

    @Override
    public void lock(String id, String reason) {
        ServerActions.lock(id, reason).run(executor);
    }

    @Override
    public void unlock(String id) {
        ServerActions.on(ServerStateOperations.UNLOCK, id).run(executor);
    }

    @Override
    public ServerRescueResult rescue(String id) {
        return ServerActions.on(ServerStateOperations.RESCUE, id).run(executor);
    }

    @Override
    public ServerRescueResult rescue(String id, ServerRescue options) {
        return ServerActions.rescue(id, options).run(executor);
    }

    @Override
    public void unrescue(String id) {
        ServerActions.on(ServerStateOperations.UNRESCUE, id).run(executor);
    }

    @Override
    public void shelve(String id) {
        ServerActions.on(ServerStateOperations.SHELVE, id).run(executor);
    }

    @Override
    public void shelveOffload(String id) {
        ServerActions.on(ServerStateOperations.SHELVE_OFFLOAD, id).run(executor);
    }

    @Override
    public void unshelve(String id) {
        ServerActions.on(ServerStateOperations.UNSHELVE, id).run(executor);
    }

    @Override
    public void unshelve(String id, ServerUnshelve options) {
        ServerActions.unshelve(id, options).run(executor);
    }

    @Override
    public void triggerCrashDump(String id) {
        ServerActions.on(ServerStateOperations.TRIGGER_CRASH_DUMP, id).run(executor);
    }

    @Override
    public void resetState(String id, ResetState state) {
        ServerActions.resetState(id, state).run(executor);
    }

    @Override
    public void restore(String id) {
        ServerActions.on(ServerStateOperations.RESTORE, id).run(executor);
    }

    @Override
    public void changePassword(String id, String adminPassword) {
        ServerActions.changePassword(id, adminPassword).run(executor);
    }

    @Override
    public InstanceActionManager instanceActions() {
        return instanceActions;
    }

    @Override
    public String consoleOutput(String id, int lines) {
        return ServerActions.consoleOutput(id, lines).run(executor);
    }

    @Override
    public String consoleOutput(String id) {
        return ServerActions.consoleOutput(id).run(executor);
    }

    @Override
    public void resize(String id, String flavorId) {
        ServerMoves.resize(id, flavorId, null).run(executor);
    }

    @Override
    public void resize(String id, String flavorId, DiskConfig diskConfig) {
        ServerMoves.resize(id, flavorId, Objects.requireNonNull(diskConfig, "diskConfig"))
                .run(executor);
    }

    @Override
    public void confirmResize(String id) {
        ServerActions.on(ServerMoveOperations.CONFIRM_RESIZE, id).run(executor);
    }

    @Override
    public void revertResize(String id) {
        ServerActions.on(ServerMoveOperations.REVERT_RESIZE, id).run(executor);
    }

    @Override
    public Server rebuild(String id, ServerRebuild rebuild) {
        return ServerMoves.rebuild(id, rebuild).run(executor);
    }

    @Override
    public void migrate(String id) {
        ServerActions.on(ServerMoveOperations.MIGRATE, id).run(executor);
    }

    @Override
    public void migrate(String id, String host) {
        ServerMoves.migrate(id, host).run(executor);
    }

    @Override
    public void liveMigrate(String id, ServerLiveMigrate request) {
        ServerMoves.liveMigrate(id, request).run(executor);
    }

    @Override
    public Optional<String> evacuate(String id, ServerEvacuate request) {
        return ServerMoves.evacuate(id, request).run(executor);
    }

    @Override
    public String createImage(String id, ServerImageCreate request) {
        return ServerMoves.createImage(id, request).run(executor);
    }

    @Override
    public String createBackup(String id, ServerBackupCreate request) {
        return ServerMoves.createBackup(id, request).run(executor);
    }

    @Override
    public RemoteConsole remoteConsole(String id, ConsoleType type) {
        ServerMoves.checkConsole(id, type);
        try {
            return ServerMoves.remoteConsole(id, type, executor.versions().current())
                    .run(executor);
        } catch (RuntimeException e) {
            Throwable mapped = ServerMoves.consoleFailure(e, type);
            throw mapped instanceof RuntimeException ? (RuntimeException) mapped : e;
        }
    }

    @Override
    public Server waitForStatus(
            String id, ServerStatus status, WaitOptions options, Consumer<? super Server> progress) {
        Objects.requireNonNull(status, "status");
        return waitForStatus(id, Set.of(status), options, progress);
    }

    @Override
    public Server waitForStatus(
            String id, Set<ServerStatus> statuses, WaitOptions options, Consumer<? super Server> progress) {
        Ids.require(id);
        ServerWaits.requireTargets(statuses);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        return ServerWaits.await(executor, instanceActions, () -> get(id), id, Set.copyOf(statuses), options, progress);
    }

    @Override
    public void waitForDelete(String id, WaitOptions options) {
        Ids.require(id);
        Objects.requireNonNull(options, "options");
        // Only the 404 is success: Nova keeps a deleted server readable as DELETED for seconds, and it still
        // counts against the quota until then.
        Waiter.<Optional<Server>>builder(() -> Optional.of(get(id)))
                .description("server " + id + " to be deleted")
                .successWhen(Optional::isEmpty)
                .successOnException(NotFoundException.class, e -> Optional.empty())
                .failWhen(
                        s -> s.isPresent()
                                && s.get().status() == ServerStatus.ERROR
                                && s.get().taskState().isEmpty(),
                        s -> ServerWaits.failure(s.get(), "went to ERROR while being deleted", null))
                .options(options)
                .sleeper(executor.sleeper())
                .nanoTime(executor.nanoTime())
                .build()
                .await();
    }

    // ------------------------------------------------------------------ sub-resources (SubResourceManagers)

    @Override
    public ServerMetadataManager metadata() {
        return sub.metadata;
    }

    @Override
    public ServerTagManager tags() {
        return sub.tags;
    }

    @Override
    public ServerAddressManager ips() {
        return sub.ips;
    }

    @Override
    public ServerPasswordManager password() {
        return sub.password;
    }

    @Override
    public ServerDiagnosticsManager diagnostics() {
        return sub.diagnostics;
    }

    @Override
    public ServerTopologyManager topology() {
        return sub.topology;
    }

    @Override
    public ServerSecurityGroupManager securityGroups() {
        return sub.securityGroups;
    }

    @Override
    public ServerMigrationManager migrations() {
        return sub.migrations;
    }

    @Override
    public VolumeAttachmentManager volumeAttachments() {
        return sub.volumeAttachments;
    }

    @Override
    public InterfaceAttachmentManager interfaceAttachments() {
        return sub.interfaceAttachments;
    }
}
