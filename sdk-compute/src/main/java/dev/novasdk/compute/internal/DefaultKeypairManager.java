package dev.novasdk.compute.internal;

import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.keypairs.KeypairCreate;
import dev.novasdk.compute.keypairs.KeypairListOptions;
import dev.novasdk.compute.keypairs.KeypairManager;
import dev.novasdk.core.paging.PagedIterable;
import java.util.Objects;
import java.util.Optional;

/** {@link KeypairManager} on the operation executor. Thread-safe. Not API. */
public final class DefaultKeypairManager implements KeypairManager {
    private final OperationExecutor executor;

    /** A manager sending through {@code executor}. */
    public DefaultKeypairManager(OperationExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public PagedIterable<Keypair> list(KeypairListOptions options) {
        Objects.requireNonNull(options, "options");
        return executor.list(
                KeypairOperations.LIST, Call.to().query(options.query()).require(options.versionRequirements()));
    }

    @Override
    public Keypair get(String name) {
        return executor.call(KeypairOperations.GET, Call.to(name));
    }

    @Override
    public Keypair get(String name, String userId) {
        return executor.call(KeypairOperations.GET, KeypairOperations.forUser(name, userId));
    }

    @Override
    public Optional<Keypair> find(String name) {
        Ids.require("name", name);
        return executor.callIfPresent(KeypairOperations.GET, Call.to(name));
    }

    @Override
    public Keypair create(KeypairCreate keypair) {
        Objects.requireNonNull(keypair, "keypair");
        return executor.call(KeypairOperations.CREATE, Call.with(keypair));
    }

    @Override
    public void delete(String name) {
        executor.call(KeypairOperations.DELETE, Call.to(name));
    }

    @Override
    public void delete(String name, String userId) {
        executor.call(KeypairOperations.DELETE, KeypairOperations.forUser(name, userId));
    }
}
