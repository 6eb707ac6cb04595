package dev.novasdk.compute.internal;

import dev.novasdk.compute.servers.RebootType;
import dev.novasdk.compute.servers.ResetState;
import dev.novasdk.compute.servers.ServerRescue;
import dev.novasdk.compute.servers.ServerRescueResult;
import dev.novasdk.compute.servers.ServerUnshelve;
import java.util.Objects;

/**
 * The power and state actions of a server (and its console log), as {@link Invocation}s: the argument checks
 * and bodies {@link DefaultServerManager} and {@link DefaultServerAsyncManager} share. Each factory throws
 * what the blocking method throws for a bad argument. Not API.
 */
final class ServerActions {
    private ServerActions() {}

    static Invocation<ServerOperations.Reboot, Void> reboot(String id, RebootType type) {
        Objects.requireNonNull(type, "type");
        return Invocation.of(ServerOperations.REBOOT, Call.to(id).body(new ServerOperations.Reboot(type.name())));
    }

    /** An action without a body ({@code pause}, {@code lock}, {@code shelve}, ...) on server {@code id}. */
    static <O> Invocation<Void, O> on(Operation<Void, O> operation, String id) {
        return Invocation.of(operation, Call.to(id));
    }

    static Invocation<ServerStateOperations.Lock, Void> lock(String id, String reason) {
        return Invocation.of(
                ServerStateOperations.LOCK_WITH_REASON, Call.to(id).body(new ServerStateOperations.Lock(reason)));
    }

    static Invocation<ServerRescue, ServerRescueResult> rescue(String id, ServerRescue options) {
        Objects.requireNonNull(options, "options");
        return Invocation.of(ServerStateOperations.RESCUE_WITH, Call.to(id).body(options));
    }

    static Invocation<ServerUnshelve, Void> unshelve(String id, ServerUnshelve options) {
        Objects.requireNonNull(options, "options");
        return Invocation.of(ServerStateOperations.UNSHELVE_TO, Call.to(id).body(options));
    }

    static Invocation<ServerStateOperations.ResetStateBody, Void> resetState(String id, ResetState state) {
        Objects.requireNonNull(state, "state");
        return Invocation.of(
                ServerStateOperations.RESET_STATE,
                Call.to(id).body(new ServerStateOperations.ResetStateBody(state.value())));
    }

    static Invocation<ServerStateOperations.AdminPassword, Void> changePassword(String id, String adminPassword) {
        return Invocation.of(
                ServerStateOperations.CHANGE_PASSWORD,
                Call.to(id).body(new ServerStateOperations.AdminPassword(adminPassword)));
    }

    static Invocation<ServerOperations.ConsoleOutput, String> consoleOutput(String id, int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines must be at least 1, got " + lines);
        }
        return Invocation.of(
                ServerOperations.CONSOLE_OUTPUT, Call.to(id).body(new ServerOperations.ConsoleOutput(lines)));
    }

    static Invocation<ServerOperations.ConsoleOutput, String> consoleOutput(String id) {
        return Invocation.of(
                ServerOperations.CONSOLE_OUTPUT, Call.to(id).body(new ServerOperations.ConsoleOutput(null)));
    }
}
