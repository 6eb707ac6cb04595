package dev.novasdk.compute.internal;

import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionEvent;
import dev.novasdk.compute.instanceactions.InstanceActionListOptions;
import dev.novasdk.compute.instanceactions.InstanceActionManager;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerActionFailedException;
import dev.novasdk.compute.servers.ServerFault;
import dev.novasdk.compute.servers.ServerStatus;
import dev.novasdk.core.error.ApiException;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.internal.AsyncHttpPipeline;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The server status waiter: polls until the server is in one of the target statuses with no task in
 * progress, and fails with the server's fault and its latest instance action (with events) when Nova gives
 * up: the server goes to {@code ERROR}, or settles in another status while that action has a failed event.
 * Not API.
 */
final class ServerWaits {
    private static final Microversion PAGED_ACTIONS = Microversion.of(2, 58);

    private ServerWaits() {}

    static Server await(
            OperationExecutor executor,
            InstanceActionManager actions,
            Supplier<Server> poll,
            String id,
            Set<ServerStatus> targets,
            WaitOptions options,
            Consumer<? super Server> progress) {
        String names = names(targets);
        FailedAction probe = new FailedAction(executor, actions, id);
        Waiter.Builder<Server> b = Waiter.<Server>builder(poll)
                .description("server " + id + " to become " + names)
                .successWhen(
                        s -> targets.contains(s.status()) && s.taskStateRaw().isEmpty())
                .onProgress(progress)
                .options(options)
                .sleeper(executor.sleeper())
                .nanoTime(executor.nanoTime());
        if (!targets.contains(ServerStatus.ERROR)) {
            b.failWhen(
                    s -> s.status() == ServerStatus.ERROR,
                    s -> failure(s, "went to ERROR while waiting for " + names, probe.latest()));
        }
        // A server that settles (no task) outside the targets after an action whose step failed will not move
        // on by itself; BUILD without a task is a moment of a normal boot, not a settled state.
        b.failWhen(
                s -> s.taskStateRaw().isEmpty()
                        && s.status() != ServerStatus.BUILD
                        && !targets.contains(s.status())
                        && probe.failedSince(s),
                s -> failure(
                        s,
                        "settled in " + s.statusRaw().orElse("no status") + " while waiting for " + names
                                + " after a failed action",
                        probe.failed));
        return b.build().await();
    }

    /**
     * {@link #await} without holding a thread. The instance-action look-ups the blocking waiter makes inside its
     * conditions are made here as part of the poll, when the server's state calls for them, so the conditions
     * only read what the poll brought.
     */
    static CompletableFuture<Server> awaitAsync(
            AsyncOperationExecutor executor,
            Supplier<CompletableFuture<Server>> poll,
            String id,
            Set<ServerStatus> targets,
            WaitOptions options,
            Consumer<? super Server> progress) {
        String names = names(targets);
        AsyncProbe probe = new AsyncProbe(executor, id, targets);
        Waiter.Builder<Polled> b = Waiter.<Polled>asyncBuilder(() -> poll.get().thenCompose(probe::look))
                .description("server " + id + " to become " + names)
                .successWhen(p -> targets.contains(p.server.status())
                        && p.server.taskStateRaw().isEmpty())
                .onProgress(p -> progress.accept(p.server))
                .options(options)
                .asyncSleeper(executor.sleeper())
                .nanoTime(executor.nanoTime());
        if (!targets.contains(ServerStatus.ERROR)) {
            b.failWhen(
                    p -> p.server.status() == ServerStatus.ERROR,
                    p -> failure(p.server, "went to ERROR while waiting for " + names, p.action));
        }
        b.failWhen(
                p -> p.failedSince,
                p -> failure(
                        p.server,
                        "settled in " + p.server.statusRaw().orElse("no status") + " while waiting for " + names
                                + " after a failed action",
                        p.action));
        CompletableFuture<Polled> waiting = b.build().awaitAsync();
        // thenApply does not pass a cancel back: without this, cancelling the caller's future left the polling on.
        return AsyncHttpPipeline.cancelling(waiting.thenApply(p -> p.server), waiting);
    }

    private static String names(Set<ServerStatus> targets) {
        return targets.stream().map(ServerStatus::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(" or "));
    }

    // A polled server with the instance action its state called for: the latest for ERROR, the failed one for a
    // server settled elsewhere (then failedSince is set).
    private record Polled(Server server, InstanceAction action, boolean failedSince) {
        @Override
        public String toString() {
            return server.toString();
        }
    }

    /** The async twin of {@link FailedAction}: the same look-ups, as futures. */
    private static final class AsyncProbe {
        private final AsyncOperationExecutor executor;
        private final String id;
        private final Set<ServerStatus> targets;
        private volatile String checked;

        AsyncProbe(AsyncOperationExecutor executor, String id, Set<ServerStatus> targets) {
            this.executor = executor;
            this.id = id;
            this.targets = targets;
        }

        CompletableFuture<Polled> look(Server s) {
            if (s.status() == ServerStatus.ERROR && !targets.contains(ServerStatus.ERROR)) {
                return latest().thenApply(a -> new Polled(s, a, false));
            }
            boolean settledElsewhere =
                    s.taskStateRaw().isEmpty() && s.status() != ServerStatus.BUILD && !targets.contains(s.status());
            String key = s.statusRaw().orElse("") + "|"
                    + s.updated().map(Object::toString).orElse("");
            if (!settledElsewhere || key.equals(checked)) {
                return CompletableFuture.completedFuture(new Polled(s, null, false));
            }
            checked = key;
            return latest().thenApply(a ->
                    a != null && !a.failedEvents().isEmpty() ? new Polled(s, a, true) : new Polled(s, null, false));
        }

        // The latest action with its events; null when the log cannot be read (policy, old cloud).
        private CompletableFuture<InstanceAction> latest() {
            CompletableFuture<InstanceAction> latest;
            try {
                InstanceActionListOptions first =
                        executor.requests().versions().current().isAtLeast(PAGED_ACTIONS)
                                ? InstanceActionListOptions.builder().limit(1).build()
                                : InstanceActionListOptions.defaults();
                latest = executor.list(
                                InstanceActionOperations.LIST,
                                Call.to(id).query(first.query()).require(first.versionRequirements()))
                        .first()
                        .thenCompose(newest -> newest.isEmpty()
                                ? CompletableFuture.completedFuture(null)
                                : executor.call(
                                        InstanceActionOperations.GET,
                                        Call.to(id, newest.get().requestId())));
            } catch (RuntimeException e) {
                latest = CompletableFuture.failedFuture(e);
            }
            return latest.handle((action, failure) -> {
                if (failure == null) {
                    return action;
                }
                Throwable cause = Futures.unwrap(failure);
                // The fault alone still explains the failure; a log the caller may not read must not hide it.
                if (cause instanceof ApiException || cause instanceof IllegalStateException) {
                    return null;
                }
                throw Futures.wrap(failure);
            });
        }
    }

    /** The exception for a server Nova gave up on; the message names the fault and the failed events. */
    static ServerActionFailedException failure(Server s, String what, InstanceAction actionOrNull) {
        Optional<ServerFault> fault = s.fault();
        StringBuilder m = new StringBuilder("server ")
                .append(s.id())
                .append(s.name().map(n -> " (" + n + ")").orElse(""))
                .append(' ')
                .append(what);
        fault.flatMap(ServerFault::message).ifPresent(msg -> m.append(": ").append(msg));
        fault.flatMap(ServerFault::code)
                .ifPresent(c -> m.append(" [fault code ").append(c).append(']'));
        if (actionOrNull != null) {
            m.append("; instance action ")
                    .append(actionOrNull.action())
                    .append(" (")
                    .append(actionOrNull.requestId())
                    .append(')');
            for (InstanceActionEvent e : actionOrNull.failedEvents()) {
                m.append(", event ").append(e.event()).append(" failed");
                e.details().ifPresent(d -> m.append(": ").append(d));
            }
        }
        return new ServerActionFailedException(m.toString(), s, actionOrNull);
    }

    /** The latest instance action of one server, read only when the server's state calls for it. */
    private static final class FailedAction {
        private final OperationExecutor executor;
        private final InstanceActionManager actions;
        private final String id;
        private String checked; // the server state last checked, so a settled server costs one look-up
        InstanceAction failed;

        FailedAction(OperationExecutor executor, InstanceActionManager actions, String id) {
            this.executor = executor;
            this.actions = actions;
            this.id = id;
        }

        boolean failedSince(Server s) {
            String key = s.statusRaw().orElse("") + "|"
                    + s.updated().map(Object::toString).orElse("");
            if (key.equals(checked)) {
                return false;
            }
            checked = key;
            InstanceAction latest = latest();
            failed = latest != null && !latest.failedEvents().isEmpty() ? latest : null;
            return failed != null;
        }

        /** The latest action with its events; null when the log cannot be read (policy, old cloud). */
        InstanceAction latest() {
            try {
                InstanceActionListOptions first = executor.versions().current().isAtLeast(PAGED_ACTIONS)
                        ? InstanceActionListOptions.builder().limit(1).build()
                        : InstanceActionListOptions.defaults();
                Optional<InstanceAction> newest =
                        actions.list(id, first).stream().findFirst();
                return newest.map(a -> actions.get(id, a.requestId())).orElse(null);
            } catch (ApiException | IllegalStateException e) {
                // The fault alone still explains the failure; a log the caller may not read must not hide it.
                return null;
            }
        }
    }

    static void requireTargets(Set<ServerStatus> targets) {
        Objects.requireNonNull(targets, "statuses");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("statuses must not be empty");
        }
    }
}
