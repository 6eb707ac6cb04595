package dev.novasdk.compute.servers;

import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;
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

    /** Deletes a soft-deleted server now ({@code forceDelete} action), skipping the reclaim delay. */
    void forceDelete(String id);

    /** Starts a stopped server ({@code os-start}). */
    void start(String id);

    /** Stops a running server ({@code os-stop}). */
    void stop(String id);

    /** Reboots the server, softly (guest OS) or hard (power cycle). */
    void reboot(String id, RebootType type);

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
     *
     * @throws ResourceErrorException when the server goes to {@code ERROR} (unless that is the target),
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
     * Polls until Nova answers 404 for the server. A deleted server stays readable as {@code DELETED} for a
     * few seconds and still counts against the instance quota, so this keeps polling through that state.
     *
     * @throws ResourceErrorException when the server goes to {@code ERROR} instead (a failed delete)
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}
     */
    void waitForDelete(String id, WaitOptions options);

    /** The metadata of servers ({@code /servers/{id}/metadata}). */
    dev.novasdk.compute.servers.metadata.ServerMetadataManager metadata();

    /** The tags of servers ({@code /servers/{id}/tags}, 2.26+). */
    dev.novasdk.compute.servers.metadata.ServerTagManager tags();

    /** The IP addresses of servers ({@code /servers/{id}/ips}). */
    dev.novasdk.compute.servers.info.ServerAddressManager ips();

    /** The encrypted passwords of servers ({@code /servers/{id}/os-server-password}). */
    dev.novasdk.compute.servers.info.ServerPasswordManager password();

    /** The hypervisor diagnostics of servers ({@code /servers/{id}/diagnostics}). */
    dev.novasdk.compute.servers.info.ServerDiagnosticsManager diagnostics();

    /** The NUMA topology of servers ({@code /servers/{id}/topology}, 2.78+). */
    dev.novasdk.compute.servers.info.ServerTopologyManager topology();

    /** The security groups of servers. */
    dev.novasdk.compute.servers.info.ServerSecurityGroupManager securityGroups();

    /** The in-progress live migrations of servers ({@code /servers/{id}/migrations}). */
    dev.novasdk.compute.servers.migrations.ServerMigrationManager migrations();

    /** The volumes attached to servers ({@code /servers/{id}/os-volume_attachments}). */
    dev.novasdk.compute.servers.attachments.VolumeAttachmentManager volumeAttachments();

    /** The network interfaces attached to servers ({@code /servers/{id}/os-interface}). */
    dev.novasdk.compute.servers.attachments.InterfaceAttachmentManager interfaceAttachments();
}
