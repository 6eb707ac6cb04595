package dev.novasdk.compute.servers;

import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Servers without blocking: every operation of {@link ServerManager}, returning a {@link CompletableFuture}
 * that completes with what the blocking method returns or fails with what it throws. A bad argument fails the
 * future before anything is sent. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#servers()}.
 *
 * <pre>{@code
 * CompletableFuture<Server> active = nova.servers().create(request)
 *         .thenCompose(s -> nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, WaitOptions.defaults()));
 * }</pre>
 */
public interface ServerAsyncManager {
    /** {@link ServerManager#create}: boots one or more servers; Nova answers at once with a partial document. */
    CompletableFuture<Server> create(ServerCreate request);

    /** {@link ServerManager#createReservation}: boots servers and returns the reservation id. */
    CompletableFuture<String> createReservation(ServerCreate request);

    /** {@link ServerManager#get}: one server; fails with {@code NotFoundException} for an unknown id. */
    CompletableFuture<Server> get(String id);

    /** {@link ServerManager#find}: the server with this id, else the one with exactly this name. */
    CompletableFuture<Optional<Server>> find(String nameOrId);

    /** {@link ServerManager#list(ServerListOptions)}: a listing whose pages are fetched as items are requested. */
    PagedPublisher<Server> list(ServerListOptions options);

    /** Every server in detail, with Nova's default page size. */
    default PagedPublisher<Server> list() {
        return list(ServerListOptions.defaults());
    }

    /** {@link ServerManager#update}: renames or re-describes a server. */
    CompletableFuture<Server> update(String id, ServerUpdate update);

    /** {@link ServerManager#delete}: asks Nova to delete the server; follow with {@link #waitForDelete}. */
    CompletableFuture<Void> delete(String id);

    /** {@link ServerManager#forceDelete}. */
    CompletableFuture<Void> forceDelete(String id);

    /** {@link ServerManager#start}. */
    CompletableFuture<Void> start(String id);

    /** {@link ServerManager#stop}. */
    CompletableFuture<Void> stop(String id);

    /** {@link ServerManager#reboot}. */
    CompletableFuture<Void> reboot(String id, RebootType type);

    /**
     * {@link ServerManager#waitForStatus(String, ServerStatus, WaitOptions)} without holding a thread: polls on
     * the client's scheduler and completes with the server once it is in {@code status} with no task, or fails
     * as the blocking waiter throws ({@link ServerActionFailedException} with Nova's fault and failed action,
     * {@link dev.novasdk.core.error.WaitTimeoutException}, ...). Cancelling the future stops the polling.
     */
    default CompletableFuture<Server> waitForStatus(String id, ServerStatus status, WaitOptions options) {
        return waitForStatus(id, Set.of(status), options, s -> {});
    }

    /** {@link #waitForStatus(String, ServerStatus, WaitOptions)} calling {@code progress} with every server seen. */
    default CompletableFuture<Server> waitForStatus(
            String id, ServerStatus status, WaitOptions options, Consumer<? super Server> progress) {
        return waitForStatus(id, Set.of(status), options, progress);
    }

    /** {@link #waitForStatus(String, ServerStatus, WaitOptions)} ending at any of {@code statuses}. */
    default CompletableFuture<Server> waitForStatus(String id, Set<ServerStatus> statuses, WaitOptions options) {
        return waitForStatus(id, statuses, options, s -> {});
    }

    /**
     * {@link #waitForStatus(String, Set, WaitOptions)} calling {@code progress} with every server seen, on the
     * thread that completed the poll (it must not block).
     */
    CompletableFuture<Server> waitForStatus(
            String id, Set<ServerStatus> statuses, WaitOptions options, Consumer<? super Server> progress);

    /**
     * {@link ServerManager#waitForDelete} without holding a thread: completes once Nova answers 404 for the
     * server. Cancelling the future stops the polling.
     */
    CompletableFuture<Void> waitForDelete(String id, WaitOptions options);
}
