package dev.novasdk.compute.internal;

import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerAsyncManager;
import dev.novasdk.compute.servers.ServerCreate;
import dev.novasdk.compute.servers.ServerListOptions;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.compute.servers.ServerUpdate;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link ServerAsyncManager} on the async operation executor: the same operation descriptors and argument
 * checks as {@link DefaultServerManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultServerAsyncManager implements ServerAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultServerAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
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
        return checked(() -> executor.call(
                ServerOperations.REBOOT,
                Call.to(id)
                        .body(new ServerOperations.Reboot(
                                Objects.requireNonNull(type, "type").name()))));
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
