package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.DefaultServerAsyncManager.checked;
import static dev.novasdk.compute.internal.SubResourceManagers.addressesOn;
import static dev.novasdk.compute.internal.SubResourceManagers.groupName;
import static dev.novasdk.compute.internal.SubResourceManagers.isMissingTag;
import static dev.novasdk.compute.internal.SubResourceManagers.metadataItems;
import static dev.novasdk.compute.internal.SubResourceManagers.metadataKey;
import static dev.novasdk.compute.internal.SubResourceManagers.metadataSet;
import static dev.novasdk.compute.internal.SubResourceManagers.metadataUpdate;
import static dev.novasdk.compute.internal.SubResourceManagers.metadataValueIn;
import static dev.novasdk.compute.internal.SubResourceManagers.tag;
import static dev.novasdk.compute.internal.SubResourceManagers.volumeList;
import static dev.novasdk.compute.internal.SubResourceOperations.*;

import dev.novasdk.compute.servers.ServerAddress;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentListOptions;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import dev.novasdk.compute.servers.info.SecurityGroup;
import dev.novasdk.compute.servers.info.ServerAddressAsyncManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsAsyncManager;
import dev.novasdk.compute.servers.info.ServerPasswordAsyncManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupAsyncManager;
import dev.novasdk.compute.servers.info.ServerTopologyAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerTagAsyncManager;
import dev.novasdk.compute.servers.migrations.ServerMigration;
import dev.novasdk.compute.servers.migrations.ServerMigrationAsyncManager;
import dev.novasdk.core.internal.Futures;
import dev.novasdk.core.paging.PagedPublisher;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The server sub-resource managers on the async operation executor: the descriptors, argument checks and
 * response shaping of {@link SubResourceManagers}, with every failure (a bad argument too) failing the returned
 * future. Built once per client and handed out by {@link DefaultServerAsyncManager}. Thread-safe. Not API.
 */
final class AsyncSubResourceManagers {
    final ServerMetadataAsyncManager metadata;
    final ServerTagAsyncManager tags;
    final ServerAddressAsyncManager ips;
    final ServerPasswordAsyncManager password;
    final ServerDiagnosticsAsyncManager diagnostics;
    final ServerTopologyAsyncManager topology;
    final ServerSecurityGroupAsyncManager securityGroups;
    final ServerMigrationAsyncManager migrations;
    final VolumeAttachmentAsyncManager volumeAttachments;
    final InterfaceAttachmentAsyncManager interfaceAttachments;

    AsyncSubResourceManagers(AsyncOperationExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        this.metadata = new Metadata(executor);
        this.tags = new Tags(executor);
        this.ips = new Ips(executor);
        this.password = new Password(executor);
        this.diagnostics = id -> executor.call(DIAGNOSTICS, Call.to(id));
        this.topology = id -> executor.call(TOPOLOGY, Call.to(id));
        this.securityGroups = new SecurityGroups(executor);
        this.migrations = new Migrations(executor);
        this.volumeAttachments = new Volumes(executor);
        this.interfaceAttachments = new Interfaces(executor);
    }

    /**
     * A listing whose call is built (and its arguments checked) when the first page is fetched, so that a bad
     * argument reaches the subscriber's {@code onError} rather than being thrown at the caller.
     */
    static <D, T> PagedPublisher<T> listChecked(
            AsyncOperationExecutor executor, ListOperation<D, T> operation, Supplier<Call<Void>> call) {
        return executor.list(
                operation.idOf(), operation.unsettled(), () -> new OperationExecutor.Listing<>(operation, call.get()));
    }

    // ------------------------------------------------------------------ metadata

    private static final class Metadata implements ServerMetadataAsyncManager {
        private final AsyncOperationExecutor executor;

        Metadata(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<Map<String, String>> list(String serverId) {
            return executor.call(METADATA_LIST, Call.to(serverId)).thenApply(Collections::unmodifiableMap);
        }

        @Override
        public CompletableFuture<Map<String, String>> replace(String serverId, Map<String, String> metadata) {
            return checked(() ->
                            executor.call(METADATA_REPLACE, Call.to(serverId).body(metadataItems(metadata))))
                    .thenApply(Collections::unmodifiableMap);
        }

        @Override
        public CompletableFuture<Map<String, String>> update(String serverId, Map<String, String> metadata) {
            return checked(() ->
                            executor.call(METADATA_UPDATE, Call.to(serverId).body(metadataUpdate(metadata))))
                    .thenApply(Collections::unmodifiableMap);
        }

        @Override
        public CompletableFuture<String> get(String serverId, String key) {
            return checked(() -> executor.call(METADATA_GET, Call.to(serverId, metadataKey(key))))
                    .thenApply(meta -> metadataValueIn(meta, key));
        }

        @Override
        public CompletableFuture<Void> set(String serverId, String key, String value) {
            return checked(() -> executor.call(METADATA_SET, metadataSet(serverId, key, value)));
        }

        @Override
        public CompletableFuture<Void> delete(String serverId, String key) {
            return checked(() -> executor.call(METADATA_DELETE, Call.to(serverId, metadataKey(key))));
        }
    }

    // ------------------------------------------------------------------ tags

    private static final class Tags implements ServerTagAsyncManager {
        private final AsyncOperationExecutor executor;

        Tags(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<List<String>> list(String serverId) {
            return executor.call(TAGS_LIST, Call.to(serverId)).thenApply(SubResourceManagers::unmodifiable);
        }

        @Override
        public CompletableFuture<List<String>> replace(String serverId, Collection<String> tags) {
            return checked(() -> executor.call(TAGS_REPLACE, Call.to(serverId).body(SubResourceManagers.tags(tags))))
                    .thenApply(SubResourceManagers::unmodifiable);
        }

        @Override
        public CompletableFuture<Void> add(String serverId, String tag) {
            return checked(() -> executor.call(TAG_ADD, Call.to(serverId, tag(tag))));
        }

        @Override
        public CompletableFuture<Boolean> contains(String serverId, String tag) {
            return checked(
                    () -> executor.call(TAG_CHECK, Call.to(serverId, tag(tag))).handle((ok, failure) -> {
                        if (failure == null) {
                            return true;
                        }
                        if (isMissingTag(Futures.unwrap(failure))) {
                            return false;
                        }
                        throw Futures.wrap(failure);
                    }));
        }

        @Override
        public CompletableFuture<Void> delete(String serverId, String tag) {
            return checked(() -> executor.call(TAG_DELETE, Call.to(serverId, tag(tag))));
        }

        @Override
        public CompletableFuture<Void> deleteAll(String serverId) {
            return executor.call(TAGS_DELETE_ALL, Call.to(serverId));
        }
    }

    // ------------------------------------------------------------------ ips, password, topology

    private static final class Ips implements ServerAddressAsyncManager {
        private final AsyncOperationExecutor executor;

        Ips(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<Map<String, List<ServerAddress>>> list(String serverId) {
            return executor.call(IPS, Call.to(serverId)).thenApply(Collections::unmodifiableMap);
        }

        @Override
        public CompletableFuture<List<ServerAddress>> list(String serverId, String networkLabel) {
            return executor.call(IPS_NETWORK, Call.to(serverId, networkLabel))
                    .thenApply(doc -> addressesOn(doc, networkLabel));
        }
    }

    private static final class Password implements ServerPasswordAsyncManager {
        private final AsyncOperationExecutor executor;

        Password(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<Optional<String>> get(String serverId) {
            return executor.call(PASSWORD, Call.to(serverId)).thenApply(SubResourceManagers::password);
        }

        @Override
        public CompletableFuture<Void> clear(String serverId) {
            return executor.call(PASSWORD_CLEAR, Call.to(serverId));
        }
    }

    // ------------------------------------------------------------------ security groups

    private static final class SecurityGroups implements ServerSecurityGroupAsyncManager {
        private final AsyncOperationExecutor executor;

        SecurityGroups(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<List<SecurityGroup>> list(String serverId) {
            return executor.call(SECURITY_GROUPS, Call.to(serverId)).thenApply(SubResourceManagers::unmodifiable);
        }

        @Override
        public CompletableFuture<Void> add(String serverId, String name) {
            return checked(
                    () -> executor.call(SECURITY_GROUP_ADD, Call.to(serverId).body(groupName(name))));
        }

        @Override
        public CompletableFuture<Void> remove(String serverId, String name) {
            return checked(
                    () -> executor.call(SECURITY_GROUP_REMOVE, Call.to(serverId).body(groupName(name))));
        }
    }

    // ------------------------------------------------------------------ migrations

    private static final class Migrations implements ServerMigrationAsyncManager {
        private final AsyncOperationExecutor executor;

        Migrations(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<List<ServerMigration>> list(String serverId) {
            return executor.call(MIGRATIONS, Call.to(serverId)).thenApply(SubResourceManagers::unmodifiable);
        }

        @Override
        public CompletableFuture<ServerMigration> get(String serverId, long migrationId) {
            return executor.call(MIGRATION_GET, Call.to(serverId, Long.toString(migrationId)));
        }

        @Override
        public CompletableFuture<Void> forceComplete(String serverId, long migrationId) {
            return executor.call(MIGRATION_FORCE_COMPLETE, Call.to(serverId, Long.toString(migrationId)));
        }

        @Override
        public CompletableFuture<Void> abort(String serverId, long migrationId) {
            return executor.call(MIGRATION_ABORT, Call.to(serverId, Long.toString(migrationId)));
        }
    }

    // ------------------------------------------------------------------ volume attachments

    private static final class Volumes implements VolumeAttachmentAsyncManager {
        private final AsyncOperationExecutor executor;

        Volumes(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public PagedPublisher<VolumeAttachment> list(String serverId, VolumeAttachmentListOptions options) {
            return listChecked(executor, VOLUME_LIST, () -> volumeList(serverId, options));
        }

        @Override
        public CompletableFuture<VolumeAttachment> get(String serverId, String volumeId) {
            return executor.call(VOLUME_GET, Call.to(serverId, volumeId));
        }

        @Override
        public CompletableFuture<VolumeAttachment> attach(String serverId, VolumeAttachmentCreate request) {
            return checked(() ->
                    executor.call(VOLUME_ATTACH, Call.to(serverId).body(Objects.requireNonNull(request, "request"))));
        }

        @Override
        public CompletableFuture<Void> update(String serverId, String volumeId, VolumeAttachmentUpdate update) {
            return checked(() -> executor.call(
                    VOLUME_UPDATE, Call.to(serverId, volumeId).body(Objects.requireNonNull(update, "update"))));
        }

        @Override
        public CompletableFuture<Void> detach(String serverId, String volumeId) {
            return executor.call(VOLUME_DETACH, Call.to(serverId, volumeId));
        }
    }

    // ------------------------------------------------------------------ interface attachments

    private static final class Interfaces implements InterfaceAttachmentAsyncManager {
        private final AsyncOperationExecutor executor;

        Interfaces(AsyncOperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public CompletableFuture<List<InterfaceAttachment>> list(String serverId) {
            return executor.call(INTERFACE_LIST, Call.to(serverId)).thenApply(SubResourceManagers::unmodifiable);
        }

        @Override
        public CompletableFuture<InterfaceAttachment> get(String serverId, String portId) {
            return executor.call(INTERFACE_GET, Call.to(serverId, portId));
        }

        @Override
        public CompletableFuture<InterfaceAttachment> attach(String serverId, InterfaceAttachmentCreate request) {
            return checked(() -> executor.call(
                    INTERFACE_ATTACH, Call.to(serverId).body(Objects.requireNonNull(request, "request"))));
        }

        @Override
        public CompletableFuture<Void> detach(String serverId, String portId) {
            return executor.call(INTERFACE_DETACH, Call.to(serverId, portId));
        }
    }
}
