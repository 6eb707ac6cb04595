package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.ServerOperations.ACTION;
import static dev.novasdk.compute.internal.ServerOperations.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.servers.ServerRescue;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerUnshelve;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.util.List;
import java.util.Objects;

/**
 * The power and state actions of {@code POST /servers/{id}/action} (pause, suspend, lock, rescue, shelve,
 * crash dump, reset state, restore, admin password), each described once. None is idempotent: each records an
 * instance action, and a repeat after delivery answers 409.
 */
final class ServerStateOperations {
    static final Operation<Void, Void> PAUSE = action("pause");
    static final Operation<Void, Void> UNPAUSE = action("unpause");
    static final Operation<Void, Void> SUSPEND = action("suspend");
    static final Operation<Void, Void> RESUME = action("resume");
    static final Operation<Void, Void> UNLOCK = action("unlock");
    static final Operation<Void, Void> UNRESCUE = action("unrescue");
    static final Operation<Void, Void> SHELVE = action("shelve");
    static final Operation<Void, Void> SHELVE_OFFLOAD = action("shelveOffload");
    static final Operation<Void, Void> UNSHELVE = action("unshelve");
    static final Operation<Void, Void> RESTORE = action("restore");

    static final Operation<Void, Void> TRIGGER_CRASH_DUMP =
            action("trigger_crash_dump").servedIn(MicroversionRange.atLeast(Microversion.of(2, 17)));

    static final Operation<Void, Void> LOCK = action("lock");

    /** {@code {"lock": {"locked_reason": ..}}}, 2.73+. */
    static final Operation<Lock, Void> LOCK_WITH_REASON = Operation.of("servers.lock", HttpMethod.POST, ACTION)
            .sends(Bodies.<Lock>member("lock"), Lock::versionRequirements);

    /** {@code {"rescue": null}}; Nova answers 200 with {@code {"adminPass": ..}}. */
    static final Operation<Void, ServerRescueResult> RESCUE =
            action("rescue").returns(Bodies.document(ServerRescueResult.class));

    static final Operation<ServerRescue, ServerRescueResult> RESCUE_WITH = Operation.of(
                    "servers.rescue", HttpMethod.POST, ACTION)
            .<ServerRescue>sends(Bodies.member("rescue"))
            .returns(Bodies.document(ServerRescueResult.class));

    static final Operation<ServerUnshelve, Void> UNSHELVE_TO = Operation.of("servers.unshelve", HttpMethod.POST, ACTION)
            .sends(ServerStateOperations::writeUnshelve, ServerUnshelve::versionRequirements);

    static final Operation<AdminPassword, Void> CHANGE_PASSWORD = Operation.of(
                    "servers.changePassword", HttpMethod.POST, ACTION)
            .<AdminPassword>sends(Bodies.member("changePassword"));

    static final Operation<ResetStateBody, Void> RESET_STATE = Operation.of(
                    "servers.resetState", HttpMethod.POST, ACTION)
            .<ResetStateBody>sends(Bodies.member("os-resetState"));

    private ServerStateOperations() {}

    /** The body of {@code lock} with a reason: at most 255 characters, as Nova's schema says. */
    record Lock(@JsonProperty("locked_reason") String reason) {
        Lock {
            Objects.requireNonNull(reason, "reason");
            int n = reason.codePointCount(0, reason.length());
            if (n > 255) {
                throw new IllegalArgumentException("locked_reason must be at most 255 characters, got " + n);
            }
        }

        List<VersionRequirement> versionRequirements() {
            return List.of(VersionRequirement.since("locked_reason", Microversion.of(2, 73)));
        }
    }

    /** The body of {@code changePassword}; its text form never shows the password. */
    record AdminPassword(@JsonProperty("adminPass") String adminPass) {
        AdminPassword {
            Objects.requireNonNull(adminPass, "adminPass");
        }

        @Override
        public String toString() {
            return "AdminPassword[adminPass=***]";
        }
    }

    /** The body of {@code os-resetState}. */
    record ResetStateBody(@JsonProperty("state") String state) {}

    // The JSON null of "availability_zone" unpins (2.91), so it must be written, which the codec's inclusion
    // rules would drop from a bean; a tree keeps it.
    private static byte[] writeUnshelve(dev.novasdk.core.internal.JsonCodec codec, ServerUnshelve u) {
        ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (u.unpinAvailabilityZone()) {
            body.putNull("availability_zone");
        }
        u.availabilityZone().ifPresent(az -> body.put("availability_zone", az));
        u.host().ifPresent(h -> body.put("host", h));
        return codec.writeEnveloped("unshelve", body);
    }
}
