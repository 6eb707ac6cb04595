package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.SubResourceOperations.*;

import dev.novasdk.compute.servers.ServerAddress;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentListOptions;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import dev.novasdk.compute.servers.info.SecurityGroup;
import dev.novasdk.compute.servers.info.ServerAddressManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsManager;
import dev.novasdk.compute.servers.info.ServerPasswordManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupManager;
import dev.novasdk.compute.servers.info.ServerTopology;
import dev.novasdk.compute.servers.info.ServerTopologyManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataManager;
import dev.novasdk.compute.servers.metadata.ServerTagManager;
import dev.novasdk.compute.servers.migrations.ServerMigration;
import dev.novasdk.compute.servers.migrations.ServerMigrationManager;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.paging.PagedIterable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server sub-resource managers on the operation executor, built once per client and handed out by
 * {@link DefaultServerManager}. Each checks its arguments by Nova's rules before sending. Thread-safe. Not API.
 */
public final class SubResourceManagers {
    // nova/api/validation/parameter_types.py: metadata keys, and tags (server_tags.py: at most 50).
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    private static final int METADATA_VALUE_MAX = 255;
    private static final int TAG_MAX_LENGTH = 60;
    private static final int TAGS_MAX = 50;

    final ServerMetadataManager metadata;
    final ServerTagManager tags;
    final ServerAddressManager ips;
    final ServerPasswordManager password;
    final ServerDiagnosticsManager diagnostics;
    final ServerTopologyManager topology;
    final ServerSecurityGroupManager securityGroups;
    final ServerMigrationManager migrations;
    final VolumeAttachmentManager volumeAttachments;
    final InterfaceAttachmentManager interfaceAttachments;

    /** The managers sending through {@code executor}. */
    public SubResourceManagers(OperationExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        this.metadata = new Metadata(executor);
        this.tags = new Tags(executor);
        this.ips = new Ips(executor);
        this.password = new Password(executor);
        this.diagnostics = id -> executor.call(DIAGNOSTICS, Call.to(id));
        this.topology = new Topology(executor);
        this.securityGroups = new SecurityGroups(executor);
        this.migrations = new Migrations(executor);
        this.volumeAttachments = new Volumes(executor);
        this.interfaceAttachments = new Interfaces(executor);
    }

    // ------------------------------------------------------------------ checks

    static String metadataKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!METADATA_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("metadata key '" + key + "' is invalid: 1 to 255 characters from "
                    + "a-z, A-Z, 0-9, '-', '_', ':', '.' and space");
        }
        return key;
    }

    static String metadataValue(String key, String value) {
        Objects.requireNonNull(value, "value of metadata key '" + key + "'");
        if (value.length() > METADATA_VALUE_MAX) {
            throw new IllegalArgumentException("the value of metadata key '" + key + "' is " + value.length()
                    + " characters long; at most " + METADATA_VALUE_MAX + " are allowed");
        }
        return value;
    }

    static Map<String, String> metadataItems(Map<String, String> items) {
        Objects.requireNonNull(items, "metadata");
        Map<String, String> copy = new LinkedHashMap<>();
        items.forEach((k, v) -> copy.put(metadataKey(k), metadataValue(k, v)));
        return copy;
    }

    static String tag(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.isEmpty() || tag.length() > TAG_MAX_LENGTH || tag.indexOf('/') >= 0 || tag.indexOf(',') >= 0) {
            throw new IllegalArgumentException(
                    "tag '" + tag + "' is invalid: 1 to " + TAG_MAX_LENGTH + " characters, without '/' and ','");
        }
        return tag;
    }

    static Map<String, String> metadataUpdate(Map<String, String> metadata) {
        Map<String, String> items = metadataItems(metadata);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no metadata to update; use replace(id, Map.of()) to remove all");
        }
        return items;
    }

    static Call<Map<String, String>> metadataSet(String serverId, String key, String value) {
        metadataValue(metadataKey(key), value);
        return Call.to(serverId, key).body(Map.of(key, value));
    }

    static String metadataValueIn(StringMap meta, String key) {
        String value = meta.get(key);
        if (value == null) {
            // Nova answers {"meta": {key: value}}; another key would be a broken proxy, not an absent key.
            throw new IllegalStateException("Nova answered metadata " + meta.keySet() + " for key '" + key + "'");
        }
        return value;
    }

    static List<String> tags(Collection<String> tags) {
        Objects.requireNonNull(tags, "tags");
        List<String> checked = new ArrayList<>();
        for (String t : tags) {
            checked.add(tag(t));
        }
        // Nova drops repeats before counting, so the limit applies to distinct tags.
        int distinct = new LinkedHashSet<>(checked).size();
        if (distinct > TAGS_MAX) {
            throw new IllegalArgumentException(
                    "a server takes at most " + TAGS_MAX + " tags, got " + distinct + " distinct ones");
        }
        return checked;
    }

    /**
     * Whether a tag check's failure means "no such tag": Nova answers 404 both for a missing tag ("Server <id>
     * has no tag '<tag>'") and for a missing server ("Instance <id> could not be found."); only the first is an
     * answer.
     */
    static boolean isMissingTag(Throwable failure) {
        return failure instanceof NotFoundException
                && ((NotFoundException) failure)
                        .serviceMessage()
                        .filter(m -> m.contains("has no tag"))
                        .isPresent();
    }

    static List<ServerAddress> addressesOn(AddressMap doc, String networkLabel) {
        List<ServerAddress> addresses = doc.get(networkLabel);
        return addresses == null ? List.of() : unmodifiable(addresses);
    }

    static Optional<String> password(String stored) {
        return Optional.ofNullable(stored).filter(p -> !p.isEmpty());
    }

    static Name groupName(String name) {
        return new Name(Ids.require("name", name));
    }

    static Call<Void> volumeList(String serverId, VolumeAttachmentListOptions options) {
        Objects.requireNonNull(options, "options");
        Ids.require("serverId", serverId);
        return Call.to(serverId).query(options.query());
    }

    static <T> List<T> unmodifiable(List<T> list) {
        return Collections.unmodifiableList(list);
    }

    // ------------------------------------------------------------------ metadata

    private static final class Metadata implements ServerMetadataManager {
        private final OperationExecutor executor;

        Metadata(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public Map<String, String> list(String serverId) {
            return Collections.unmodifiableMap(executor.call(METADATA_LIST, Call.to(serverId)));
        }

        @Override
        public Map<String, String> replace(String serverId, Map<String, String> metadata) {
            return Collections.unmodifiableMap(
                    executor.call(METADATA_REPLACE, Call.to(serverId).body(metadataItems(metadata))));
        }

        @Override
        public Map<String, String> update(String serverId, Map<String, String> metadata) {
            return Collections.unmodifiableMap(
                    executor.call(METADATA_UPDATE, Call.to(serverId).body(metadataUpdate(metadata))));
        }

        @Override
        public String get(String serverId, String key) {
            return metadataValueIn(executor.call(METADATA_GET, Call.to(serverId, metadataKey(key))), key);
        }

        @Override
        public void set(String serverId, String key, String value) {
            executor.call(METADATA_SET, metadataSet(serverId, key, value));
        }

        @Override
        public void delete(String serverId, String key) {
            executor.call(METADATA_DELETE, Call.to(serverId, metadataKey(key)));
        }
    }

    // ------------------------------------------------------------------ tags

    private static final class Tags implements ServerTagManager {
        private final OperationExecutor executor;

        Tags(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public List<String> list(String serverId) {
            return unmodifiable(executor.call(TAGS_LIST, Call.to(serverId)));
        }

        @Override
        public List<String> replace(String serverId, Collection<String> tags) {
            return unmodifiable(executor.call(TAGS_REPLACE, Call.to(serverId).body(SubResourceManagers.tags(tags))));
        }

        @Override
        public void add(String serverId, String tag) {
            executor.call(TAG_ADD, Call.to(serverId, tag(tag)));
        }

        @Override
        public boolean contains(String serverId, String tag) {
            try {
                executor.call(TAG_CHECK, Call.to(serverId, tag(tag)));
                return true;
            } catch (NotFoundException e) {
                if (isMissingTag(e)) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        public void delete(String serverId, String tag) {
            executor.call(TAG_DELETE, Call.to(serverId, tag(tag)));
        }

        @Override
        public void deleteAll(String serverId) {
            executor.call(TAGS_DELETE_ALL, Call.to(serverId));
        }
    }

    // ------------------------------------------------------------------ ips, password, topology

    private static final class Ips implements ServerAddressManager {
        private final OperationExecutor executor;

        Ips(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public Map<String, List<ServerAddress>> list(String serverId) {
            return Collections.unmodifiableMap(executor.call(IPS, Call.to(serverId)));
        }

        @Override
        public List<ServerAddress> list(String serverId, String networkLabel) {
            return addressesOn(executor.call(IPS_NETWORK, Call.to(serverId, networkLabel)), networkLabel);
        }
    }

    private static final class Password implements ServerPasswordManager {
        private final OperationExecutor executor;

        Password(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public Optional<String> get(String serverId) {
            return password(executor.call(PASSWORD, Call.to(serverId)));
        }

        @Override
        public void clear(String serverId) {
            executor.call(PASSWORD_CLEAR, Call.to(serverId));
        }
    }

    private static final class Topology implements ServerTopologyManager {
        private final OperationExecutor executor;

        Topology(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public ServerTopology get(String serverId) {
            return executor.call(TOPOLOGY, Call.to(serverId));
        }
    }

    // ------------------------------------------------------------------ security groups

    private static final class SecurityGroups implements ServerSecurityGroupManager {
        private final OperationExecutor executor;

        SecurityGroups(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public List<SecurityGroup> list(String serverId) {
            return unmodifiable(executor.call(SECURITY_GROUPS, Call.to(serverId)));
        }

        @Override
        public void add(String serverId, String name) {
            executor.call(SECURITY_GROUP_ADD, Call.to(serverId).body(groupName(name)));
        }

        @Override
        public void remove(String serverId, String name) {
            executor.call(SECURITY_GROUP_REMOVE, Call.to(serverId).body(groupName(name)));
        }
    }

    // ------------------------------------------------------------------ migrations

    private static final class Migrations implements ServerMigrationManager {
        private final OperationExecutor executor;

        Migrations(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public List<ServerMigration> list(String serverId) {
            return unmodifiable(executor.call(MIGRATIONS, Call.to(serverId)));
        }

        @Override
        public ServerMigration get(String serverId, long migrationId) {
            return executor.call(MIGRATION_GET, Call.to(serverId, Long.toString(migrationId)));
        }

        @Override
        public void forceComplete(String serverId, long migrationId) {
            executor.call(MIGRATION_FORCE_COMPLETE, Call.to(serverId, Long.toString(migrationId)));
        }

        @Override
        public void abort(String serverId, long migrationId) {
            executor.call(MIGRATION_ABORT, Call.to(serverId, Long.toString(migrationId)));
        }
    }

    // ------------------------------------------------------------------ volume attachments

    private static final class Volumes implements VolumeAttachmentManager {
        private final OperationExecutor executor;

        Volumes(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public PagedIterable<VolumeAttachment> list(String serverId, VolumeAttachmentListOptions options) {
            return executor.list(VOLUME_LIST, volumeList(serverId, options));
        }

        @Override
        public VolumeAttachment get(String serverId, String volumeId) {
            return executor.call(VOLUME_GET, Call.to(serverId, volumeId));
        }

        @Override
        public VolumeAttachment attach(String serverId, VolumeAttachmentCreate request) {
            Objects.requireNonNull(request, "request");
            return executor.call(VOLUME_ATTACH, Call.to(serverId).body(request));
        }

        @Override
        public void update(String serverId, String volumeId, VolumeAttachmentUpdate update) {
            Objects.requireNonNull(update, "update");
            executor.call(VOLUME_UPDATE, Call.to(serverId, volumeId).body(update));
        }

        @Override
        public void detach(String serverId, String volumeId) {
            executor.call(VOLUME_DETACH, Call.to(serverId, volumeId));
        }
    }

    // ------------------------------------------------------------------ interface attachments

    private static final class Interfaces implements InterfaceAttachmentManager {
        private final OperationExecutor executor;

        Interfaces(OperationExecutor executor) {
            this.executor = executor;
        }

        @Override
        public List<InterfaceAttachment> list(String serverId) {
            return unmodifiable(executor.call(INTERFACE_LIST, Call.to(serverId)));
        }

        @Override
        public InterfaceAttachment get(String serverId, String portId) {
            return executor.call(INTERFACE_GET, Call.to(serverId, portId));
        }

        @Override
        public InterfaceAttachment attach(String serverId, InterfaceAttachmentCreate request) {
            Objects.requireNonNull(request, "request");
            return executor.call(INTERFACE_ATTACH, Call.to(serverId).body(request));
        }

        @Override
        public void detach(String serverId, String portId) {
            executor.call(INTERFACE_DETACH, Call.to(serverId, portId));
        }
    }
}
