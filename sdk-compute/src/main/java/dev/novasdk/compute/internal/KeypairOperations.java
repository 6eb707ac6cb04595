package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.keypairs.Keypair;
import dev.novasdk.compute.keypairs.KeypairCreate;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Map;

/** The keypair operations of Nova's API reference, each described once. */
final class KeypairOperations {
    static final Operation<Void, Keypair> GET = Operation.of("keypairs.get", HttpMethod.GET, "os-keypairs/{name}")
            .returns(member("keypair", Keypair.class));

    static final ListOperation<KeypairListDocument, Keypair> LIST = ListOperation.of(
            Operation.of("keypairs.list", HttpMethod.GET, "os-keypairs").returns(document(KeypairListDocument.class)),
            KeypairListDocument::items,
            KeypairListDocument::nextHref,
            Keypair::name);

    // Not idempotent: a repeat after a lost response answers 409, or generates a second private key.
    static final Operation<KeypairCreate, Keypair> CREATE = Operation.of(
                    "keypairs.create", HttpMethod.POST, "os-keypairs")
            .sends(member("keypair"), KeypairCreate::versionRequirements)
            .returns(member("keypair", Keypair.class));

    static final Operation<Void, Void> DELETE =
            Operation.of("keypairs.delete", HttpMethod.DELETE, "os-keypairs/{name}");

    private KeypairOperations() {}

    /** A call on another user's keypair: {@code ?user_id=}, which needs 2.10. */
    static Call<Void> forUser(String name, String userId) {
        Ids.require("userId", userId);
        return Call.to(name)
                .query(Map.of("user_id", List.of(userId)))
                .require(List.of(VersionRequirement.since("user_id", Microversion.of(2, 10))));
    }
}
