package dev.novasdk.compute.servers;

import dev.novasdk.compute.instanceactions.InstanceActionAsyncManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentAsyncManager;
import dev.novasdk.compute.servers.info.ServerAddressAsyncManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsAsyncManager;
import dev.novasdk.compute.servers.info.ServerPasswordAsyncManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupAsyncManager;
import dev.novasdk.compute.servers.info.ServerTopologyAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerTagAsyncManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationAsyncManager;
import dev.novasdk.core.paging.PagedPublisher;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Servers without blocking: every operation of {@link ServerManager}, returning a {@link CompletableFuture}
 * that completes with what the blocking method returns or fails with what it throws. A bad argument fails the
 * future before anything is sent. Thread-safe; get it from
 * {@link dev.novasdk.compute.ComputeAsyncClient#servers()}.
 *
 * <pre>{@code
 * CompletableFuture<Server> active = nova.servers().create(request)
 *         .thenCompose(s -> nova.servers().waitForStatus(s.id(), ServerStatus.ACTIVE, WaitOptions.defaults()));
 * }</pre>
 */
public interface ServerAsyncManager {
    /** {@link ServerManager#create}: boots one or more servers; Nova answers at once with a partial document. */
    CompletableFuture<Server> create(ServerCreate request);

    /** {@link ServerManager#createReservation}: boots servers and returns the reservation id. */
    CompletableFuture<String> createReservation(ServerCreate request);

    /** {@link ServerManager#get}: one server; fails with {@code NotFoundException} for an unknown id. */
    CompletableFuture<Server> get(String id);

    /** {@link ServerManager#find}: the server with this id, else the one with exactly this name. */
    CompletableFuture<Optional<Server>> find(String nameOrId);

    /** {@link ServerManager#list(ServerListOptions)}: a listing whose pages are fetched as items are requested. */
    PagedPublisher<Server> list(ServerListOptions options);

    /** Every server in detail, with Nova's default page size. */
    default PagedPublisher<Server> list() {
        return list(ServerListOptions.defaults());
    }

    /** {@link ServerManager#update}: renames or re-describes a server. */
    CompletableFuture<Server> update(String id, ServerUpdate update);

    /** {@link ServerManager#delete}: asks Nova to delete the server; follow with {@link #waitForDelete}. */
    CompletableFuture<Void> delete(String id);

    /** {@link ServerManager#forceDelete}. */
    CompletableFuture<Void> forceDelete(String id);

    /** {@link ServerManager#start}. */
    CompletableFuture<Void> start(String id);

    /** {@link ServerManager#stop}. */
    CompletableFuture<Void> stop(String id);

    /** {@link ServerManager#reboot}. */
    CompletableFuture<Void> reboot(String id, RebootType type);

    // The actions complete once Nova accepted them (202; rescue 200): the change itself runs asynchronously in
    // Nova, so follow with waitForStatus. Nova's refusals fail the future as the blocking methods throw them.

    /** {@link ServerManager#pause}; then wait for {@link ServerStatus#PAUSED}. */
    CompletableFuture<Void> pause(String id);

    /** {@link ServerManager#unpause}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> unpause(String id);

    /** {@link ServerManager#suspend}; then wait for {@link ServerStatus#SUSPENDED}. */
    CompletableFuture<Void> suspend(String id);

    /** {@link ServerManager#resume}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> resume(String id);

    /** {@link ServerManager#lock(String)}: completes once the server is locked. */
    CompletableFuture<Void> lock(String id);

    /**
     * {@link ServerManager#lock(String, String)}: locks recording why; a client pinned below 2.73 fails the
     * future before sending.
     */
    CompletableFuture<Void> lock(String id, String reason);

    /** {@link ServerManager#unlock}: completes once the server is unlocked. */
    CompletableFuture<Void> unlock(String id);

    /**
     * {@link ServerManager#rescue(String)}: completes with the generated administrator password (a secret,
     * never shown by the result's {@code toString()}); then wait for {@link ServerStatus#RESCUE}.
     */
    CompletableFuture<ServerRescueResult> rescue(String id);

    /** {@link ServerManager#rescue(String, ServerRescue)}: rescue with these options; see {@link #rescue(String)}. */
    CompletableFuture<ServerRescueResult> rescue(String id, ServerRescue options);

    /** {@link ServerManager#unrescue}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> unrescue(String id);

    /** {@link ServerManager#shelve}; then wait for {@code SHELVED} or {@code SHELVED_OFFLOADED}. */
    CompletableFuture<Void> shelve(String id);

    /** {@link ServerManager#shelveOffload}; then wait for {@link ServerStatus#SHELVED_OFFLOADED}. */
    CompletableFuture<Void> shelveOffload(String id);

    /** {@link ServerManager#unshelve(String)}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> unshelve(String id);

    /**
     * {@link ServerManager#unshelve(String, ServerUnshelve)}: a field the client's microversion does not accept
     * fails the future before sending.
     */
    CompletableFuture<Void> unshelve(String id, ServerUnshelve options);

    /** {@link ServerManager#triggerCrashDump}: a client pinned below 2.17 fails the future before sending. */
    CompletableFuture<Void> triggerCrashDump(String id);

    /** {@link ServerManager#resetState}: completes once the state is set (administrators only). */
    CompletableFuture<Void> resetState(String id, ResetState state);

    /** {@link ServerManager#restore}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> restore(String id);

    /** {@link ServerManager#changePassword}: the password is never logged or shown in failures. */
    CompletableFuture<Void> changePassword(String id, String adminPassword);

    /** {@link ServerManager#instanceActions()}: the action log of servers, without blocking. */
    InstanceActionAsyncManager instanceActions();

    /**
     * {@link ServerManager#consoleOutput(String, int)}: completes with the last {@code lines} lines of the
     * console log; {@code lines} below 1 fails the future before sending.
     */
    CompletableFuture<String> consoleOutput(String id, int lines);

    /** {@link ServerManager#consoleOutput(String)}: completes with the whole console log. */
    CompletableFuture<String> consoleOutput(String id);

    /**
     * {@link ServerManager#resize(String, String)}; then wait for {@link ServerStatus#VERIFY_RESIZE} and
     * {@link #confirmResize} or {@link #revertResize}.
     */
    CompletableFuture<Void> resize(String id, String flavorId);

    /** {@link ServerManager#resize(String, String, DiskConfig)}: resize, choosing how the new root disk is partitioned. */
    CompletableFuture<Void> resize(String id, String flavorId, DiskConfig diskConfig);

    /** {@link ServerManager#confirmResize}: completes once Nova accepted the confirmation. */
    CompletableFuture<Void> confirmResize(String id);

    /** {@link ServerManager#revertResize}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> revertResize(String id);

    /**
     * {@link ServerManager#rebuild}: completes with the server as Nova answered (with the new {@code adminPass}
     * unless the cloud disables passwords); then wait for {@link ServerStatus#ACTIVE}.
     */
    CompletableFuture<Server> rebuild(String id, ServerRebuild rebuild);

    /** {@link ServerManager#migrate(String)}; then wait for {@link ServerStatus#VERIFY_RESIZE}. */
    CompletableFuture<Void> migrate(String id);

    /** {@link ServerManager#migrate(String, String)}: cold-migrate to {@code host} (2.56+). */
    CompletableFuture<Void> migrate(String id, String host);

    /** {@link ServerManager#liveMigrate}; then wait for {@link ServerStatus#ACTIVE}. */
    CompletableFuture<Void> liveMigrate(String id, ServerLiveMigrate request);

    /**
     * {@link ServerManager#evacuate}: completes with the new administrator password, which Nova sends only
     * before microversion 2.14.
     */
    CompletableFuture<Optional<String>> evacuate(String id, ServerEvacuate request);

    /**
     * {@link ServerManager#createImage(String, ServerImageCreate)}: completes with the new image's id (from the
     * body from 2.45, from the {@code Location} header before).
     */
    CompletableFuture<String> createImage(String id, ServerImageCreate request);

    /** {@link ServerManager#createImage(String, String)}: a snapshot with a name and no metadata. */
    default CompletableFuture<String> createImage(String id, String imageName) {
        ServerImageCreate request;
        try {
            request = ServerImageCreate.of(imageName);
        } catch (RuntimeException e) {
            // A bad name fails the future, as every argument check of this interface does.
            return CompletableFuture.failedFuture(e);
        }
        return createImage(id, request);
    }

    /** {@link ServerManager#createBackup}: completes with the new backup image's id. */
    CompletableFuture<String> createBackup(String id, ServerBackupCreate request);

    /**
     * {@link ServerManager#remoteConsole}: completes with a console URL of {@code type}; fails with
     * {@link ConsoleUnavailableException} when the cloud does not serve that type.
     */
    CompletableFuture<RemoteConsole> remoteConsole(String id, ConsoleType type);

    /**
     * {@link ServerManager#waitForStatus(String, ServerStatus, WaitOptions)} without holding a thread: polls on
     * the client's scheduler and completes with the server once it is in {@code status} with no task, or fails
     * as the blocking waiter throws ({@link ServerActionFailedException} with Nova's fault and failed action,
     * {@link dev.novasdk.core.error.WaitTimeoutException}, ...). Cancelling the future stops the polling.
     */
    default CompletableFuture<Server> waitForStatus(String id, ServerStatus status, WaitOptions options) {
        return waitForStatus(id, Set.of(status), options, s -> {});
    }

    /** {@link #waitForStatus(String, ServerStatus, WaitOptions)} calling {@code progress} with every server seen. */
    default CompletableFuture<Server> waitForStatus(
            String id, ServerStatus status, WaitOptions options, Consumer<? super Server> progress) {
        return waitForStatus(id, Set.of(status), options, progress);
    }

    /** {@link #waitForStatus(String, ServerStatus, WaitOptions)} ending at any of {@code statuses}. */
    default CompletableFuture<Server> waitForStatus(String id, Set<ServerStatus> statuses, WaitOptions options) {
        return waitForStatus(id, statuses, options, s -> {});
    }

    /**
     * {@link #waitForStatus(String, Set, WaitOptions)} calling {@code progress} with every server seen, on the
     * thread that completed the poll (it must not block).
     */
    CompletableFuture<Server> waitForStatus(
            String id, Set<ServerStatus> statuses, WaitOptions options, Consumer<? super Server> progress);

    /**
     * {@link ServerManager#waitForDelete} without holding a thread: completes once Nova answers 404 for the
     * server. Cancelling the future stops the polling.
     */
    CompletableFuture<Void> waitForDelete(String id, WaitOptions options);

    /** {@link ServerManager#metadata()}: the metadata of servers, without blocking. */
    ServerMetadataAsyncManager metadata();

    /** {@link ServerManager#tags()}: the tags of servers (2.26+), without blocking. */
    ServerTagAsyncManager tags();

    /** {@link ServerManager#ips()}: the IP addresses of servers, without blocking. */
    ServerAddressAsyncManager ips();

    /** {@link ServerManager#password()}: the encrypted passwords of servers, without blocking. */
    ServerPasswordAsyncManager password();

    /** {@link ServerManager#diagnostics()}: the hypervisor diagnostics of servers, without blocking. */
    ServerDiagnosticsAsyncManager diagnostics();

    /** {@link ServerManager#topology()}: the NUMA topology of servers (2.78+), without blocking. */
    ServerTopologyAsyncManager topology();

    /** {@link ServerManager#securityGroups()}: the security groups of servers, without blocking. */
    ServerSecurityGroupAsyncManager securityGroups();

    /** {@link ServerManager#migrations()}: the in-progress live migrations of servers, without blocking. */
    ServerMigrationAsyncManager migrations();

    /** {@link ServerManager#volumeAttachments()}: the volumes attached to servers, without blocking. */
    VolumeAttachmentAsyncManager volumeAttachments();

    /** {@link ServerManager#interfaceAttachments()}: the interfaces attached to servers, without blocking. */
    InterfaceAttachmentAsyncManager interfaceAttachments();
}
