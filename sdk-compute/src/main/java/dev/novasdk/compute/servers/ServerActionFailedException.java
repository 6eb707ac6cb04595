package dev.novasdk.compute.servers;

import dev.novasdk.compute.instanceactions.InstanceAction;
import dev.novasdk.compute.instanceactions.InstanceActionEvent;
import dev.novasdk.core.error.ResourceErrorException;
import java.util.List;
import java.util.Optional;

/**
 * Nova gave up on a server while {@link ServerManager#waitForStatus} waited: the server went to {@code ERROR},
 * or settled elsewhere while its latest instance action failed. Carries the server as last seen, its
 * {@code fault}, and that instance action with its events (when the caller may read them), so the reason is
 * at hand without another call.
 */
public class ServerActionFailedException extends ResourceErrorException {
    private final transient InstanceAction action;

    /** An exception for {@code server}, with its fault (if any) and the latest instance action (if read). */
    public ServerActionFailedException(String message, Server server, InstanceAction actionOrNull) {
        super(
                message,
                server,
                server.fault().flatMap(ServerFault::code).orElse(null),
                server.fault().flatMap(ServerFault::message).orElse(null),
                server.fault().flatMap(ServerFault::details).orElse(null));
        this.action = actionOrNull;
    }

    /** The server as last seen. */
    public Server server() {
        return resource(Server.class).orElseThrow();
    }

    /** The server's latest instance action with its events; empty when it could not be read. */
    public Optional<InstanceAction> action() {
        return Optional.ofNullable(action);
    }

    /** The events of that action whose result is {@code Error}. */
    public List<InstanceActionEvent> failedEvents() {
        return action == null ? List.of() : action.failedEvents();
    }
}
