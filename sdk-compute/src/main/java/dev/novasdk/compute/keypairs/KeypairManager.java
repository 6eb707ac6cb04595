package dev.novasdk.compute.keypairs;

import dev.novasdk.core.paging.PagedIterable;
import java.util.Optional;

/**
 * Keypairs ({@code os-keypairs}): list, get, import a public key, have Nova generate one (up to microversion
 * 2.91), delete. A keypair belongs to a user, not a project; its name is its id. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeClient#keypairs()}.
 *
 * <pre>{@code
 * Keypair key = nova.keypairs().importPublicKey("deploy", Files.readString(Path.of("id_ed25519.pub")));
 * nova.servers().create(ServerCreate.builder().name("vm").imageId(image).flavorId("1").keyName(key.name())
 *         .networksNone().build());
 * }</pre>
 */
public interface KeypairManager {
    /**
     * A lazy listing over every page (Nova pages keypairs from 2.35; {@link KeypairListOptions#limit()} is the
     * page size). Options a usable microversion does not accept fail before sending.
     *
     * @throws dev.novasdk.core.error.ForbiddenException when a non-admin asks for another user's keypairs
     */
    PagedIterable<Keypair> list(KeypairListOptions options);

    /** The caller's keypairs. */
    default PagedIterable<Keypair> list() {
        return list(KeypairListOptions.defaults());
    }

    /**
     * The caller's keypair with this name.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Keypair get(String name);

    /**
     * Another user's keypair with this name (admin, microversion 2.10+).
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Keypair get(String name, String userId);

    /** The caller's keypair with this name, or empty; a keypair's name is its id. */
    Optional<Keypair> find(String name);

    /**
     * Creates a keypair: imports {@link KeypairCreate#publicKey()}, or has Nova generate a pair when there
     * is none, which Nova does only up to microversion 2.91; from 2.92 a request without a public key fails
     * before sending, naming the version. A generated private key is in {@link Keypair#privateKey()} of the
     * result, and nowhere else, ever.
     *
     * @throws dev.novasdk.core.error.ConflictException when the user already has a keypair with the name
     * @throws dev.novasdk.core.error.BadRequestException when Nova cannot read the public key
     */
    Keypair create(KeypairCreate keypair);

    /** Imports an OpenSSH public key under {@code name}; see {@link #create(KeypairCreate)}. */
    default Keypair importPublicKey(String name, String publicKey) {
        return create(KeypairCreate.builder().name(name).publicKey(publicKey).build());
    }

    /**
     * Deletes the caller's keypair. Servers booted with it keep their key.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    void delete(String name);

    /**
     * Deletes another user's keypair (admin, microversion 2.10+).
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    void delete(String name, String userId);
}
