package dev.novasdk.compute.servers;

import dev.novasdk.compute.instanceactions.InstanceActionManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentManager;
import dev.novasdk.compute.servers.info.ServerAddressManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsManager;
import dev.novasdk.compute.servers.info.ServerPasswordManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupManager;
import dev.novasdk.compute.servers.info.ServerTopologyManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataManager;
import dev.novasdk.compute.servers.metadata.ServerTagManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationManager;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Servers: create, get, find, list, update, delete, actions, and waiting for a status or for deletion.
 * Thread-safe; get it from {@link dev.novasdk.compute.ComputeClient#servers()} (an interface, so that tests of
 * your code can stub it).
 *
 * <pre>{@code
 * Server created = nova.servers().create(ServerCreate.builder()
 *         .name("web-1").imageId(image.id()).flavorId(flavor.id()).networksNone().build());
 * Server active = nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, WaitOptions.defaults(),
 *         s -> System.out.println(s.status() + " " + s.taskStateRaw().orElse("-")));
 * }</pre>
 */
public interface ServerManager {
    /**
     * Boots one or more servers ({@code POST /servers}). Nova answers 202 at once with a partial document
     * (id, links, {@code adminPass}, disk config, security groups); the server is {@code BUILD} and is
     * scheduled asynchronously, so follow with {@link #waitForStatus}.
     *
     * <p>The request goes at the client's version when every field is accepted there; when negotiating, at
     * the highest version that accepts every field set (e.g. a request with {@code personality} goes at
     * 2.56). A field no usable version accepts fails before sending, naming the field and the versions.
     * POST is never retried once it may have reached Nova, so a create never boots a second server.
     *
     * @throws IllegalArgumentException when {@code returnReservationId} is set (use
     *         {@link #createReservation(ServerCreate)}) or no usable version accepts the request
     * @throws dev.novasdk.core.error.BadRequestException for Nova's refusals (unknown flavor or image, swap
     *         larger than the flavor's, ...), with Nova's message and request id
     */
    Server create(ServerCreate request);

    /**
     * Boots {@code minCount..maxCount} servers and returns the reservation id that lists them
     * ({@link ServerListOptions#reservationId()}), sending {@code return_reservation_id: true}.
     */
    String createReservation(ServerCreate request);

    /**
     * The server with this id, as a full document at the client's microversion.
     *
     * @throws NotFoundException when there is none (also for a server deleted a moment ago)
     */
    Server get(String id);

    /**
     * The server with this id, else the one with exactly this name (like novaclient's {@code find_resource}).
     * Nova filters names as regular expressions, so the name is escaped and anchored, and matches are checked
     * exactly here.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several servers have the name
     */
    Optional<Server> find(String nameOrId);

    /**
     * A lazy listing over every page: nothing is fetched until iteration starts, and each page is fetched when
     * iteration reaches it. {@link ServerListOptions#limit()} is the page size.
     */
    PagedIterable<Server> list(ServerListOptions options);

    /** Every server of the project, in detail. */
    default PagedIterable<Server> list() {
        return list(ServerListOptions.defaults());
    }

    /**
     * Changes the name, description (2.19+), access addresses or hostname (2.90+). A field no usable
     * microversion accepts fails before sending.
     */
    Server update(String id, ServerUpdate update);

    /**
     * Deletes the server. Nova answers 204 at once and deletes asynchronously; use {@link #waitForDelete} to
     * know when it is gone.
     *
     * @throws NotFoundException when there is no such server
     */
    void delete(String id);

    /**
     * Deletes the server now ({@code forceDelete} action), skipping the reclaim delay of a soft-deleted one.
     * Nova accepts it for a server that is not soft-deleted too (the lab deleted a server in RESCUE); as with
     * {@link #delete}, use {@link #waitForDelete} to know when it is gone.
     */
    void forceDelete(String id);

    /** Starts a stopped server ({@code os-start}). */
    void start(String id);

    /** Stops a running server ({@code os-stop}). */
    void stop(String id);

    /** Reboots the server, softly (guest OS) or hard (power cycle). */
    void reboot(String id, RebootType type);

    // Power and state actions. Each answers 202 (rescue 200) and runs asynchronously unless said otherwise;
    // Nova refuses one the server's state does not allow with a ConflictException (409) carrying its message,
    // such as "Cannot 'pause' instance <id> while it is in vm_state stopped" or "Instance <id> is locked".
    // Wait for the end state with waitForStatus, which fails with the server's fault and the failed instance
    // action's events when Nova gives up.

    /** Pauses the server in memory ({@code pause}); then wait for {@link ServerStatus#PAUSED}. */
    void pause(String id);

    /** Unpauses a paused server ({@code unpause}); then wait for {@link ServerStatus#ACTIVE}. */
    void unpause(String id);

    /** Suspends the server to disk ({@code suspend}); then wait for {@link ServerStatus#SUSPENDED}. */
    void suspend(String id);

    /** Resumes a suspended server ({@code resume}); then wait for {@link ServerStatus#ACTIVE}. */
    void resume(String id);

    /**
     * Locks the server ({@code lock}) so that only administrators can act on it; other actions then answer
     * 409 "Instance ... is locked". Takes effect at once ({@link Server#locked()}).
     */
    void lock(String id);

    /**
     * Locks the server, recording why ({@code locked_reason}, at most 255 characters, shown as
     * {@link Server#lockedReason()}). Microversion 2.73 or later: a client pinned below refuses before sending.
     */
    void lock(String id, String reason);

    /** Unlocks the server ({@code unlock}); takes effect at once. */
    void unlock(String id);

    /**
     * Boots the server into rescue mode ({@code rescue}) with a generated administrator password; then wait for
     * {@link ServerStatus#RESCUE}. The password is a secret: it is masked in the debug log and never shown by
     * the result's {@code toString()}.
     */
    ServerRescueResult rescue(String id);

    /** Boots the server into rescue mode with these options; see {@link #rescue(String)}. */
    ServerRescueResult rescue(String id, ServerRescue options);

    /** Leaves rescue mode ({@code unrescue}); then wait for {@link ServerStatus#ACTIVE}. */
    void unrescue(String id);

    /**
     * Shelves the server ({@code shelve}): Nova snapshots it and, when the cloud's {@code shelved_offload_time}
     * is 0 (the default) or the server boots from a volume, frees its host at once. Then wait for
     * {@link ServerStatus#SHELVED_OFFLOADED} or {@link ServerStatus#SHELVED}:
     * {@code waitForStatus(id, Set.of(SHELVED, SHELVED_OFFLOADED), options)}.
     */
    void shelve(String id);

    /**
     * Frees the host of a {@code SHELVED} server ({@code shelveOffload}); then wait for
     * {@link ServerStatus#SHELVED_OFFLOADED}. Administrators only under Nova's default policy (403 otherwise).
     */
    void shelveOffload(String id);

    /** Unshelves a shelved server ({@code {"unshelve": null}}); then wait for {@link ServerStatus#ACTIVE}. */
    void unshelve(String id);

    /**
     * Unshelves a {@code SHELVED_OFFLOADED} server into an availability zone (2.77+) or onto a host (2.91+);
     * a field the client's microversion does not accept fails before sending, naming it and the versions.
     */
    void unshelve(String id, ServerUnshelve options);

    /**
     * Makes the hypervisor inject an NMI so that the guest writes a crash dump ({@code trigger_crash_dump}).
     * Microversion 2.17 or later; a client pinned below refuses before sending. The server's status does not
     * change.
     */
    void triggerCrashDump(String id);

    /**
     * Sets the server's state without touching the hypervisor ({@code os-resetState}); administrators only.
     * Takes effect at once. Used to recover a server stuck in a task or to mark one broken.
     */
    void resetState(String id, ResetState state);

    /** Restores a soft-deleted server ({@code restore}); then wait for {@link ServerStatus#ACTIVE}. */
    void restore(String id);

    /**
     * Changes the administrator password in the guest ({@code changePassword}); needs a hypervisor and guest
     * agent that support it. The password is never logged or shown in exception messages.
     */
    void changePassword(String id, String adminPassword);

    /** The action log of servers, with each action's events. */
    InstanceActionManager instanceActions();

    /**
     * The last {@code lines} lines of the server's console log ({@code os-getConsoleOutput}). Read-only, so it
     * is retried like a GET.
     *
     * @throws IllegalArgumentException when {@code lines} is not positive
     * @throws dev.novasdk.core.error.ConflictException when the server is not running
     */
    String consoleOutput(String id, int lines);

    /** The whole console log of the server. */
    String consoleOutput(String id);

    /**
     * Resizes the server to another flavor ({@code resize}). Nova answers 202 and works asynchronously: the
     * server goes {@code RESIZE} (task states {@code resize_prep}, {@code resize_migrating},
     * {@code resize_migrated}, {@code resize_finish}) and then {@code VERIFY_RESIZE}, where it waits for
     * {@link #confirmResize} or {@link #revertResize}. Wait with
     * {@code waitForStatus(id, ServerStatus.VERIFY_RESIZE, options)}.
     *
     * @throws dev.novasdk.core.error.BadRequestException when the flavor is the current one ("When resizing,
     *         instances must change flavor!") or unknown
     * @throws dev.novasdk.core.error.ConflictException in a state Nova does not resize from ("Cannot 'resize'
     *         instance ... while it is in vm_state resized")
     */
    void resize(String id, String flavorId);

    /** {@link #resize(String, String)} with how the new root disk is partitioned ({@code OS-DCF:diskConfig}). */
    void resize(String id, String flavorId, DiskConfig diskConfig);

    /**
     * Confirms a resize of a server in {@code VERIFY_RESIZE} ({@code confirmResize}; 204), freeing the old
     * flavor's resources. The server returns to {@code ACTIVE} (or {@code SHUTOFF} if it was stopped) shortly
     * after; wait with {@link #waitForStatus}.
     *
     * @throws dev.novasdk.core.error.ConflictException when the server is not in {@code VERIFY_RESIZE}
     */
    void confirmResize(String id);

    /**
     * Reverts a resize of a server in {@code VERIFY_RESIZE} ({@code revertResize}): the server goes
     * {@code REVERT_RESIZE} and then back to {@code ACTIVE} with its old flavor; wait with
     * {@code waitForStatus(id, ServerStatus.ACTIVE, options)} and read {@link Server#flavor()}.
     *
     * @throws dev.novasdk.core.error.ConflictException when the server is not in {@code VERIFY_RESIZE}
     */
    void revertResize(String id);

    /**
     * Rebuilds the server from an image ({@code rebuild}), replacing its root disk and the fields set. Nova
     * answers 202 with the server in {@code REBUILD} (task states {@code rebuilding},
     * {@code rebuild_block_device_mapping}, {@code rebuild_spawning}); wait for {@code ACTIVE} (or
     * {@code SHUTOFF} for a stopped server) with {@link #waitForStatus}. Fields no usable microversion accepts
     * fail before sending, naming the field and the versions.
     *
     * @return the server as Nova answered, with the new {@code adminPass} unless the cloud disables passwords
     * @throws dev.novasdk.core.error.ConflictException in a state Nova does not rebuild from
     */
    Server rebuild(String id, ServerRebuild rebuild);

    /**
     * Cold-migrates the server to a host the scheduler picks ({@code migrate}; administrators only by
     * default). Nova goes through a resize to the same flavor, so the server ends in {@code VERIFY_RESIZE};
     * confirm it with {@link #confirmResize}. When no other host fits, Nova still answers 202, the server
     * returns to its state and the instance action records the error ("No valid host was found").
     */
    void migrate(String id);

    /**
     * {@link #migrate(String)} to {@code host}; microversion 2.56 and later.
     *
     * @throws dev.novasdk.core.error.BadRequestException for the server's own host ("Cannot migrate to the
     *         host where the server exists.")
     */
    void migrate(String id, String host);

    /**
     * Live-migrates the server ({@code os-migrateLive}; administrators only by default): it goes
     * {@code MIGRATING} and back to {@code ACTIVE} on the new host, or on the old one when the migration fails
     * (the instance action then records the error).
     */
    void liveMigrate(String id, ServerLiveMigrate request);

    /**
     * Rebuilds a server of a failed compute host on another ({@code evacuate}; administrators only by
     * default). Nova refuses while the source compute service is up ("Compute service of ... is still in
     * use.").
     *
     * @return the new administrator password, which Nova sends only before microversion 2.14
     */
    Optional<String> evacuate(String id, ServerEvacuate request);

    /**
     * Snapshots the server into a new image ({@code createImage}) and returns its id: from the response body
     * from microversion 2.45, from the {@code Location} header before. The server shows task states
     * {@code image_snapshot}, {@code image_pending_upload}, {@code image_uploading} meanwhile; the image goes
     * {@code queued}, {@code saving}, {@code active}. Wait for it with
     * {@link dev.novasdk.compute.images.ImageManager#waitForStatus}.
     *
     * @throws dev.novasdk.core.error.ConflictException in a state Nova does not snapshot from
     */
    String createImage(String id, ServerImageCreate request);

    /** {@link #createImage(String, ServerImageCreate)} with a name and no metadata. */
    default String createImage(String id, String imageName) {
        return createImage(id, ServerImageCreate.of(imageName));
    }

    /**
     * Snapshots the server as a rotated backup ({@code createBackup}; project members may, on the lab and by default) and
     * returns the new image's id, as {@link #createImage(String, ServerImageCreate)} does.
     */
    String createBackup(String id, ServerBackupCreate request);

    /**
     * A remote console URL of {@code type}: {@code POST /servers/{id}/remote-consoles} from microversion 2.6,
     * the older {@code os-getVNCConsole}, {@code os-getSPICEConsole}, {@code os-getRDPConsole} and
     * {@code os-getSerialConsole} actions before. {@link ConsoleType#WEBMKS} needs 2.8.
     *
     * @throws ConsoleUnavailableException when the cloud does not serve that type ("Unavailable console type
     *         novnc.")
     * @throws dev.novasdk.core.error.ConflictException when the server is not running
     */
    RemoteConsole remoteConsole(String id, ConsoleType type);

    /**
     * Polls the server until it reaches {@code status}, with capped exponential backoff.
     * Polls the server until it reaches {@code status} with no task in progress ({@code task_state} empty),
     * with capped exponential backoff; so a wait for {@code ACTIVE} after a reboot, unpause or resume waits
     * for the action to end rather than returning while it runs.
     *
     * <p>When Nova gives up, the wait fails instead of timing out: when the server goes to {@code ERROR}
     * (unless that is the target), and when it settles (no task) in another status while its latest instance
     * action has a failed event. The {@link ServerActionFailedException} carries Nova's fault and that action
     * with its events.
     *
     * @throws ResourceErrorException ({@link ServerActionFailedException}) when Nova gave up, as above,
     *         carrying Nova's fault code, message and details
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}, carrying the
     *         last server seen
     * @throws NotFoundException when the server disappears while waiting
     */
    default Server waitForStatus(String id, ServerStatus status, WaitOptions options) {
        return waitForStatus(id, status, options, s -> {});
    }

    /**
     * {@link #waitForStatus(String, ServerStatus, WaitOptions)} calling {@code progress} with every server seen
     * (status, task state, progress), on the waiting thread.
     */
    Server waitForStatus(String id, ServerStatus status, WaitOptions options, Consumer<? super Server> progress);

    /**
     * {@link #waitForStatus(String, ServerStatus, WaitOptions)} ending at any of {@code statuses}, such as
     * {@code SHELVED} or {@code SHELVED_OFFLOADED} after a shelve.
     */
    default Server waitForStatus(String id, Set<ServerStatus> statuses, WaitOptions options) {
        return waitForStatus(id, statuses, options, s -> {});
    }

    /** {@link #waitForStatus(String, Set, WaitOptions)} calling {@code progress} with every server seen. */
    Server waitForStatus(String id, Set<ServerStatus> statuses, WaitOptions options, Consumer<? super Server> progress);

    /**
     * Polls until Nova answers 404 for the server. A deleted server stays readable as {@code DELETED} for a
     * few seconds and still counts against the instance quota, so this keeps polling through that state.
     *
     * @throws ResourceErrorException when the server goes to {@code ERROR} instead (a failed delete)
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}
     */
    void waitForDelete(String id, WaitOptions options);

    /** The metadata of servers ({@code /servers/{id}/metadata}). */
    ServerMetadataManager metadata();

    /** The tags of servers ({@code /servers/{id}/tags}, 2.26+). */
    ServerTagManager tags();

    /** The IP addresses of servers ({@code /servers/{id}/ips}). */
    ServerAddressManager ips();

    /** The encrypted passwords of servers ({@code /servers/{id}/os-server-password}). */
    ServerPasswordManager password();

    /** The hypervisor diagnostics of servers ({@code /servers/{id}/diagnostics}). */
    ServerDiagnosticsManager diagnostics();

    /** The NUMA topology of servers ({@code /servers/{id}/topology}, 2.78+). */
    ServerTopologyManager topology();

    /** The security groups of servers. */
    ServerSecurityGroupManager securityGroups();

    /** The in-progress live migrations of servers ({@code /servers/{id}/migrations}). */
    ServerMigrationManager migrations();

    /** The volumes attached to servers ({@code /servers/{id}/os-volume_attachments}). */
    VolumeAttachmentManager volumeAttachments();

    /** The network interfaces attached to servers ({@code /servers/{id}/os-interface}). */
    InterfaceAttachmentManager interfaceAttachments();
}
