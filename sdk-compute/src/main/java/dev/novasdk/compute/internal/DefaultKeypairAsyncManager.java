package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;

import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.keypairs.KeypairAsyncManager;
import dev.novasdk.compute.keypairs.KeypairCreate;
import dev.novasdk.compute.keypairs.KeypairListOptions;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link KeypairAsyncManager} on the async operation executor: the operations and calls of
 * {@link DefaultKeypairManager}. A check that fails fails the returned future. Thread-safe. Not API.
 */
public final class DefaultKeypairAsyncManager implements KeypairAsyncManager {
    private final AsyncOperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultKeypairAsyncManager(AsyncOperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedPublisher<Keypair> list(KeypairListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                KeypairOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public CompletableFuture<Keypair> get(String name) {
        return checked(() -> executor.call(KeypairOperations.GET, Call.to(name)));
    }

    @Override
    public CompletableFuture<Keypair> get(String name, String userId) {
        return checked(() -> executor.call(KeypairOperations.GET, KeypairOperations.forUser(name, userId)));
    }

    @Override
    public CompletableFuture<Optional<Keypair>> find(String name) {
        return checked(() -> executor.callIfPresent(KeypairOperations.GET, Call.to(Ids.require("name", name))));
    }

    @Override
    public CompletableFuture<Keypair> create(KeypairCreate keypair) {
        return checked(
                () -> executor.call(KeypairOperations.CREATE, Call.with(Objects.requireNonNull(keypair, "keypair"))));
    }

    @Override
    public CompletableFuture<Void> delete(String name) {
        return checked(() -> executor.call(KeypairOperations.DELETE, Call.to(name)));
    }

    @Override
    public CompletableFuture<Void> delete(String name, String userId) {
        return checked(() -> executor.call(KeypairOperations.DELETE, KeypairOperations.forUser(name, userId)));
    }
}
