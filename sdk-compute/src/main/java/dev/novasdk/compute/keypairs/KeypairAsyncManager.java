package dev.novasdk.compute.keypairs;

import dev.novasdk.core.paging.PagedPublisher;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link KeypairManager} without blocking: the same requests, with futures failed by the exceptions the
 * blocking methods throw (a bad argument included). Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#keypairs()}.
 */
public interface KeypairAsyncManager {
    /** {@link KeypairManager#list(KeypairListOptions)}: pages are fetched as the subscriber asks for keypairs. */
    PagedPublisher<Keypair> list(KeypairListOptions options);

    /** {@link KeypairManager#list()}: the caller's keypairs. */
    default PagedPublisher<Keypair> list() {
        return list(KeypairListOptions.defaults());
    }

    /** {@link KeypairManager#get(String)}: completes with the keypair, or fails with {@code NotFoundException}. */
    CompletableFuture<Keypair> get(String name);

    /** {@link KeypairManager#get(String, String)}: completes with another user's keypair (admin, 2.10+). */
    CompletableFuture<Keypair> get(String name, String userId);

    /** {@link KeypairManager#find}: completes with the caller's keypair with this name, or empty. */
    CompletableFuture<Optional<Keypair>> find(String name);

    /**
     * {@link KeypairManager#create}: completes with the keypair, carrying the private key when Nova generated
     * one.
     */
    CompletableFuture<Keypair> create(KeypairCreate keypair);

    /** {@link KeypairManager#importPublicKey}: completes with the imported keypair. */
    default CompletableFuture<Keypair> importPublicKey(String name, String publicKey) {
        try {
            return create(
                    KeypairCreate.builder().name(name).publicKey(publicKey).build());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** {@link KeypairManager#delete(String)}: completes once the caller's keypair is deleted. */
    CompletableFuture<Void> delete(String name);

    /** {@link KeypairManager#delete(String, String)}: completes once another user's keypair is deleted. */
    CompletableFuture<Void> delete(String name, String userId);
}
