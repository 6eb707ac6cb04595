package dev.novasdk.compute.internal;

import dev.novasdk.compute.instanceactions.InstanceActionAsyncManager;
import dev.novasdk.compute.servers.ConsoleType;
import dev.novasdk.compute.servers.DiskConfig;
import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.RemoteConsole;
import dev.novasdk.compute.servers.ResetState;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerAsyncManager;
import dev.novasdk.compute.servers.ServerBackupCreate;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerEvacuate;
import dev.novasdk.compute.servers.ServerImageCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerLiveMigrate;
import dev.novasdk.compute.servers.ServerRebuild;
import dev.novasdk.compute.servers.ServerRescue;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUnshelve;
import dev.novasdk.compute.servers.ServerUpdate;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentAsyncManager;
import dev.novasdk.compute.servers.info.ServerAddressAsyncManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsAsyncManager;
import dev.novasdk.compute.servers.info.ServerPasswordAsyncManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupAsyncManager;
import dev.novasdk.compute.servers.info.ServerTopologyAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerTagAsyncManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationAsyncManager;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ServerAsyncManager} on the async operation executor: the same operation descriptors and argument
 * checks as {@link DefaultServerManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultServerAsyncManager implements ServerAsyncManager {
    private final AsyncOperationExecutor executor;
    private final AsyncSubResourceManagers sub;
    private final InstanceActionAsyncManager instanceActions;

    /** A manager sending through {@code executor}. */
    public DefaultServerAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.sub = new AsyncSubResourceManagers(executor);
        this.instanceActions = new DefaultInstanceActionAsyncManager(executor);
    }

    @Override
    public CompletableFuture<Server> create(ServerCreate request) {
        return checked(
                () -> executor.call(ServerOperations.CREATE, Call.with(DefaultServerManager.forCreate(request))));
    }

    @Override
    public CompletableFuture<String> createReservation(ServerCreate request) {
        return checked(() -> executor.call(
                ServerOperations.CREATE_RESERVATION, Call.with(DefaultServerManager.forReservation(request))));
    }

    @Override
    public CompletableFuture<Server> get(String id) {
        return checked(() -> executor.call(ServerOperations.GET, Call.to(id)));
    }

    @Override
    public CompletableFuture<Optional<Server>> find(String nameOrId) {
        return checked(() -> Finder.findAsync(
                nameOrId,
                "server",
                id -> executor.callIfPresent(ServerOperations.GET, Call.to(id)),
                name -> list(DefaultServerManager.exactName(name)),
                Server::name,
                Server::id));
    }

    @Override
    public PagedPublisher<Server> list(ServerListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                options.detail() ? ServerOperations.LIST_DETAIL : ServerOperations.LIST,
                Call.to().query(options.query()).require(ServerOperations.listRequirements(options)));
    }

    @Override
    public CompletableFuture<Server> update(String id, ServerUpdate update) {
        return checked(() ->
                executor.call(ServerOperations.UPDATE, Call.to(id).body(Objects.requireNonNull(update, "update"))));
    }

    @Override
    public CompletableFuture<Void> delete(String id) {
        return checked(() -> executor.call(ServerOperations.DELETE, Call.to(id)));
    }

    @Override
    public CompletableFuture<Void> forceDelete(String id) {
        return checked(() -> executor.call(ServerOperations.FORCE_DELETE, Call.to(id)));
    }

    @Override
    public CompletableFuture<Void> start(String id) {
        return checked(() -> executor.call(ServerOperations.START, Call.to(id)));
    }

    @Override
    public CompletableFuture<Void> stop(String id) {
        return checked(() -> executor.call(ServerOperations.STOP, Call.to(id)));
    }

    @Override
    public CompletableFuture<Void> reboot(String id, RebootType type) {
        return run(() -> ServerActions.reboot(id, type));
    }

    @Override
    public CompletableFuture<Void> pause(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.PAUSE, id));
    }

    @Override
    public CompletableFuture<Void> unpause(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.UNPAUSE, id));
    }

    @Override
    public CompletableFuture<Void> suspend(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.SUSPEND, id));
    }

    @Override
    public CompletableFuture<Void> resume(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.RESUME, id));
    }

    @Override
    public CompletableFuture<Void> lock(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.LOCK, id));
    }

    @Override
    public CompletableFuture<Void> lock(String id, String reason) {
        return run(() -> ServerActions.lock(id, reason));
    }

    @Override
    public CompletableFuture<Void> unlock(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.UNLOCK, id));
    }

    @Override
    public CompletableFuture<ServerRescueResult> rescue(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.RESCUE, id));
    }

    @Override
    public CompletableFuture<ServerRescueResult> rescue(String id, ServerRescue options) {
        return run(() -> ServerActions.rescue(id, options));
    }

    @Override
    public CompletableFuture<Void> unrescue(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.UNRESCUE, id));
    }

    @Override
    public CompletableFuture<Void> shelve(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.SHELVE, id));
    }

    @Override
    public CompletableFuture<Void> shelveOffload(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.SHELVE_OFFLOAD, id));
    }

    @Override
    public CompletableFuture<Void> unshelve(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.UNSHELVE, id));
    }

    @Override
    public CompletableFuture<Void> unshelve(String id, ServerUnshelve options) {
        return run(() -> ServerActions.unshelve(id, options));
    }

    @Override
    public CompletableFuture<Void> triggerCrashDump(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.TRIGGER_CRASH_DUMP, id));
    }

    @Override
    public CompletableFuture<Void> resetState(String id, ResetState state) {
        return run(() -> ServerActions.resetState(id, state));
    }

    @Override
    public CompletableFuture<Void> restore(String id) {
        return run(() -> ServerActions.on(ServerStateOperations.RESTORE, id));
    }

    @Override
    public CompletableFuture<Void> changePassword(String id, String adminPassword) {
        return run(() -> ServerActions.changePassword(id, adminPassword));
    }

    @Override
    public InstanceActionAsyncManager instanceActions() {
        return instanceActions;
    }

    @Override
    public CompletableFuture<String> consoleOutput(String id, int lines) {
        return run(() -> ServerActions.consoleOutput(id, lines));
    }

    @Override
    public CompletableFuture<String> consoleOutput(String id) {
        return run(() -> ServerActions.consoleOutput(id));
    }

    @Override
    public CompletableFuture<Void> resize(String id, String flavorId) {
        return run(() -> ServerMoves.resize(id, flavorId, null));
    }

    @Override
    public CompletableFuture<Void> resize(String id, String flavorId, DiskConfig diskConfig) {
        return run(() -> ServerMoves.resize(id, flavorId, Objects.requireNonNull(diskConfig, "diskConfig")));
    }

    @Override
    public CompletableFuture<Void> confirmResize(String id) {
        return run(() -> ServerActions.on(ServerMoveOperations.CONFIRM_RESIZE, id));
    }

    @Override
    public CompletableFuture<Void> revertResize(String id) {
        return run(() -> ServerActions.on(ServerMoveOperations.REVERT_RESIZE, id));
    }

    @Override
    public CompletableFuture<Server> rebuild(String id, ServerRebuild rebuild) {
        return run(() -> ServerMoves.rebuild(id, rebuild));
    }

    @Override
    public CompletableFuture<Void> migrate(String id) {
        return run(() -> ServerActions.on(ServerMoveOperations.MIGRATE, id));
    }

    @Override
    public CompletableFuture<Void> migrate(String id, String host) {
        return run(() -> ServerMoves.migrate(id, host));
    }

    @Override
    public CompletableFuture<Void> liveMigrate(String id, ServerLiveMigrate request) {
        return run(() -> ServerMoves.liveMigrate(id, request));
    }

    @Override
    public CompletableFuture<Optional<String>> evacuate(String id, ServerEvacuate request) {
        return run(() -> ServerMoves.evacuate(id, request));
    }

    @Override
    public CompletableFuture<String> createImage(String id, ServerImageCreate request) {
        return run(() -> ServerMoves.createImage(id, request));
    }

    @Override
    public CompletableFuture<String> createBackup(String id, ServerBackupCreate request) {
        return run(() -> ServerMoves.createBackup(id, request));
    }

    @Override
    public CompletableFuture<RemoteConsole> remoteConsole(String id, ConsoleType type) {
        return checked(() -> {
            ServerMoves.checkConsole(id, type);
            // Which call to make depends on the cloud's microversion, known once the executor is ready.
            return executor.ready()
                    .thenCompose(v -> run(ServerMoves.remoteConsole(
                            id, type, executor.requests().versions().current())))
                    .handle((console, failure) -> {
                        if (failure == null) {
                            return console;
                        }
                        throw new CompletionException(ServerMoves.consoleFailure(Futures.unwrap(failure), type));
                    });
        });
    }

    @Override
    public CompletableFuture<Server> waitForStatus(
            String id, Set<ServerStatus> statuses, WaitOptions options, Consumer<? super Server> progress) {
        return checked(() -> {
            Ids.require(id);
            ServerWaits.requireTargets(statuses);
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(progress, "progress");
            return ServerWaits.awaitAsync(executor, () -> get(id), id, Set.copyOf(statuses), options, progress);
        });
    }

    @Override
    public CompletableFuture<Void> waitForDelete(String id, WaitOptions options) {
        return checked(() -> {
            Ids.require(id);
            Objects.requireNonNull(options, "options");
            // Only the 404 is success, as in the blocking waiter.
            CompletableFuture<Optional<Server>> waiting = Waiter.<Optional<Server>>asyncBuilder(
                            () -> get(id).thenApply(Optional::of))
                    .description("server " + id + " to be deleted")
                    .successWhen(Optional::isEmpty)
                    .successOnException(NotFoundException.class, e -> Optional.empty())
                    .failWhen(
                            s -> s.isPresent()
                                    && s.get().status() == ServerStatus.ERROR
                                    && s.get().taskState().isEmpty(),
                            s -> ServerWaits.failure(s.get(), "went to ERROR while being deleted", null))
                    .options(options)
                    .asyncSleeper(executor.sleeper())
                    .nanoTime(executor.nanoTime())
                    .build()
                    .awaitAsync();
            // thenApply does not pass a cancel back to the waiter: cancelling the caller's future must stop it.
            return AsyncHttpPipeline.cancelling(waiting.thenApply(s -> (Void) null), waiting);
        });
    }

    // ------------------------------------------------------------------ sub-resources (AsyncSubResourceManagers)

    @Override
    public ServerMetadataAsyncManager metadata() {
        return sub.metadata;
    }

    @Override
    public ServerTagAsyncManager tags() {
        return sub.tags;
    }

    @Override
    public ServerAddressAsyncManager ips() {
        return sub.ips;
    }

    @Override
    public ServerPasswordAsyncManager password() {
        return sub.password;
    }

    @Override
    public ServerDiagnosticsAsyncManager diagnostics() {
        return sub.diagnostics;
    }

    @Override
    public ServerTopologyAsyncManager topology() {
        return sub.topology;
    }

    @Override
    public ServerSecurityGroupAsyncManager securityGroups() {
        return sub.securityGroups;
    }

    @Override
    public ServerMigrationAsyncManager migrations() {
        return sub.migrations;
    }

    @Override
    public VolumeAttachmentAsyncManager volumeAttachments() {
        return sub.volumeAttachments;
    }

    @Override
    public InterfaceAttachmentAsyncManager interfaceAttachments() {
        return sub.interfaceAttachments;
    }

    /** The future of an invocation built (and its arguments checked) by {@code invocation}; see {@link #checked}. */
    private <I, O> CompletableFuture<O> run(Supplier<Invocation<I, O>> invocation) {
        return checked(() -> run(invocation.get()));
    }

    private <I, O> CompletableFuture<O> run(Invocation<I, O> invocation) {
        return executor.call(invocation.operation(), invocation.call());
    }

    /**
     * The future {@code call} makes, or a failed one when building it throws (a bad argument): an async method
     * reports every failure through its future, so callers need one error path.
     */
    static <T> CompletableFuture<T> checked(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
