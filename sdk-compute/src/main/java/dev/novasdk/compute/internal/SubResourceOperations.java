package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.member;
import static dev.novasdk.compute.internal.Bodies.nullMember;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.servers.ServerAddress;
import dev.novasdk.compute.servers.attachments.InterfaceAttachment;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachment;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import dev.novasdk.compute.servers.info.SecurityGroup;
import dev.novasdk.compute.servers.info.ServerDiagnostics;
import dev.novasdk.compute.servers.info.ServerTopology;
import dev.novasdk.compute.servers.migrations.ServerMigration;
import dev.novasdk.core.filter.MicroversionFilter;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server sub-resource operations of Nova's API reference (metadata, tags, IPs, password, diagnostics,
 * topology, security groups, migrations, volume and interface attachments), each described once.
 */
final class SubResourceOperations {
    private static final String METADATA = "servers/{id}/metadata";
    private static final String METADATA_KEY = "servers/{id}/metadata/{key}";
    private static final String TAGS = "servers/{id}/tags";
    private static final String TAG = "servers/{id}/tags/{tag}";
    private static final String MIGRATION = "servers/{id}/migrations/{migration}";
    private static final String VOLUMES = "servers/{id}/os-volume_attachments";
    private static final String VOLUME = "servers/{id}/os-volume_attachments/{volume}";
    private static final String INTERFACES = "servers/{id}/os-interface";
    private static final String INTERFACE = "servers/{id}/os-interface/{port}";

    static final MicroversionRange TAGS_VERSIONS = MicroversionRange.atLeast(Microversion.of(2, 26));
    static final Microversion DIAGNOSTICS_TYPED = Microversion.of(2, 48);
    // Nova's default max_limit: a listing without a limit is cut there.
    static final int NOVA_MAX_LIMIT = 1000;

    // ------------------------------------------------------------------ metadata

    static final Operation<Void, StringMap> METADATA_LIST = Operation.of(
                    "servers.metadata.list", HttpMethod.GET, METADATA)
            .returns(member("metadata", StringMap.class));

    static final Operation<Map<String, String>, StringMap> METADATA_REPLACE = Operation.of(
                    "servers.metadata.replace", HttpMethod.PUT, METADATA)
            .<Map<String, String>>sends(member("metadata"))
            .returns(member("metadata", StringMap.class));

    // A merge of the same items twice leaves the same metadata, so a repeat is harmless.
    static final Operation<Map<String, String>, StringMap> METADATA_UPDATE = Operation.of(
                    "servers.metadata.update", HttpMethod.POST, METADATA)
            .<Map<String, String>>sends(member("metadata"))
            .returns(member("metadata", StringMap.class))
            .idempotent(true);

    static final Operation<Void, StringMap> METADATA_GET =
            Operation.of("servers.metadata.get", HttpMethod.GET, METADATA_KEY).returns(member("meta", StringMap.class));

    static final Operation<Map<String, String>, Void> METADATA_SET =
            Operation.of("servers.metadata.set", HttpMethod.PUT, METADATA_KEY).sends(member("meta"));

    static final Operation<Void, Void> METADATA_DELETE =
            Operation.of("servers.metadata.delete", HttpMethod.DELETE, METADATA_KEY);

    // ------------------------------------------------------------------ tags (2.26+)

    static final Operation<Void, StringList> TAGS_LIST = Operation.of("servers.tags.list", HttpMethod.GET, TAGS)
            .returns(member("tags", StringList.class))
            .servedIn(TAGS_VERSIONS);

    static final Operation<List<String>, StringList> TAGS_REPLACE = Operation.of(
                    "servers.tags.replace", HttpMethod.PUT, TAGS)
            .<List<String>>sends(member("tags"))
            .returns(member("tags", StringList.class))
            .servedIn(TAGS_VERSIONS);

    static final Operation<Void, Void> TAG_ADD =
            Operation.of("servers.tags.add", HttpMethod.PUT, TAG).servedIn(TAGS_VERSIONS);

    static final Operation<Void, Void> TAG_CHECK =
            Operation.of("servers.tags.contains", HttpMethod.GET, TAG).servedIn(TAGS_VERSIONS);

    static final Operation<Void, Void> TAG_DELETE =
            Operation.of("servers.tags.delete", HttpMethod.DELETE, TAG).servedIn(TAGS_VERSIONS);

    static final Operation<Void, Void> TAGS_DELETE_ALL =
            Operation.of("servers.tags.deleteAll", HttpMethod.DELETE, TAGS).servedIn(TAGS_VERSIONS);

    // ------------------------------------------------------------------ ips, password, diagnostics, topology

    static final Operation<Void, AddressMap> IPS = Operation.of("servers.ips.list", HttpMethod.GET, "servers/{id}/ips")
            .returns(member("addresses", AddressMap.class));

    static final Operation<Void, AddressMap> IPS_NETWORK = Operation.of(
                    "servers.ips.listByNetwork", HttpMethod.GET, "servers/{id}/ips/{network}")
            .returns(Bodies.document(AddressMap.class));

    static final Operation<Void, String> PASSWORD = Operation.of(
                    "servers.password.get", HttpMethod.GET, "servers/{id}/os-server-password")
            .returns(member("password", String.class));

    static final Operation<Void, Void> PASSWORD_CLEAR =
            Operation.of("servers.password.clear", HttpMethod.DELETE, "servers/{id}/os-server-password");

    // Before 2.48 the document is whatever the driver returns; the version the request went at tells which.
    static final Operation<Void, ServerDiagnostics> DIAGNOSTICS = Operation.of(
                    "servers.diagnostics.get", HttpMethod.GET, "servers/{id}/diagnostics")
            .returns((codec, request, response) -> {
                boolean typed = request.attribute(MicroversionFilter.MICROVERSION)
                        .map(v -> v.isAtLeast(DIAGNOSTICS_TYPED))
                        .orElse(false);
                if (typed) {
                    return codec.decode(request, response, null, ServerDiagnostics.class);
                }
                Map<String, Object> legacy = new LinkedHashMap<>();
                // Immutables maps hold no nulls; a driver's null counter carries no value to keep.
                codec.decode(request, response, null, ObjectMap.class).forEach((k, v) -> {
                    if (v != null) {
                        legacy.put(k, v);
                    }
                });
                return ServerDiagnostics.builder().legacyValues(legacy).build();
            });

    static final Operation<Void, ServerTopology> TOPOLOGY = Operation.of(
                    "servers.topology.get", HttpMethod.GET, "servers/{id}/topology")
            .returns(Bodies.document(ServerTopology.class))
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 78)));

    // ------------------------------------------------------------------ security groups

    static final Operation<Void, SecurityGroupList> SECURITY_GROUPS = Operation.of(
                    "servers.securityGroups.list", HttpMethod.GET, "servers/{id}/os-security-groups")
            .returns(member("security_groups", SecurityGroupList.class));

    static final Operation<Name, Void> SECURITY_GROUP_ADD = Operation.of(
                    "servers.securityGroups.add", HttpMethod.POST, "servers/{id}/action")
            .sends(member("addSecurityGroup"));

    static final Operation<Name, Void> SECURITY_GROUP_REMOVE = Operation.of(
                    "servers.securityGroups.remove", HttpMethod.POST, "servers/{id}/action")
            .sends(member("removeSecurityGroup"));

    /** The body of {@code addSecurityGroup} and {@code removeSecurityGroup}. */
    record Name(@JsonProperty("name") String name) {}

    // ------------------------------------------------------------------ migrations

    static final Operation<Void, MigrationList> MIGRATIONS = Operation.of(
                    "servers.migrations.list", HttpMethod.GET, "servers/{id}/migrations")
            .returns(member("migrations", MigrationList.class))
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 23)));

    static final Operation<Void, ServerMigration> MIGRATION_GET = Operation.of(
                    "servers.migrations.get", HttpMethod.GET, MIGRATION)
            .returns(member("migration", ServerMigration.class))
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 23)));

    static final Operation<Void, Void> MIGRATION_FORCE_COMPLETE = Operation.of(
                    "servers.migrations.forceComplete", HttpMethod.POST, MIGRATION + "/action")
            .sends(nullMember("force_complete"))
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 22)));

    static final Operation<Void, Void> MIGRATION_ABORT = Operation.of(
                    "servers.migrations.abort", HttpMethod.DELETE, MIGRATION)
            .servedIn(MicroversionRange.atLeast(Microversion.of(2, 24)));

    // ------------------------------------------------------------------ volume attachments

    static final ListOperation<VolumePage, VolumeAttachment> VOLUME_LIST = ListOperation.of(
            Operation.of("servers.volumeAttachments.list", HttpMethod.GET, VOLUMES)
                    .returns((codec, request, response) -> new VolumePage(
                            codec.decode(request, response, "volumeAttachments", VolumeAttachmentList.class),
                            request.uri())),
            VolumePage::items,
            VolumePage::next,
            VolumeAttachment::volumeId);

    static final Operation<Void, VolumeAttachment> VOLUME_GET = Operation.of(
                    "servers.volumeAttachments.get", HttpMethod.GET, VOLUME)
            .returns(member("volumeAttachment", VolumeAttachment.class));

    static final Operation<VolumeAttachmentCreate, VolumeAttachment> VOLUME_ATTACH = Operation.of(
                    "servers.volumeAttachments.attach", HttpMethod.POST, VOLUMES)
            .sends(member("volumeAttachment"), VolumeAttachmentCreate::versionRequirements)
            .returns(member("volumeAttachment", VolumeAttachment.class));

    static final Operation<VolumeAttachmentUpdate, Void> VOLUME_UPDATE = Operation.of(
                    "servers.volumeAttachments.update", HttpMethod.PUT, VOLUME)
            .sends(member("volumeAttachment"), VolumeAttachmentUpdate::versionRequirements);

    static final Operation<Void, Void> VOLUME_DETACH =
            Operation.of("servers.volumeAttachments.detach", HttpMethod.DELETE, VOLUME);

    // ------------------------------------------------------------------ interface attachments

    static final Operation<Void, InterfaceList> INTERFACE_LIST = Operation.of(
                    "servers.interfaceAttachments.list", HttpMethod.GET, INTERFACES)
            .returns(member("interfaceAttachments", InterfaceList.class));

    static final Operation<Void, InterfaceAttachment> INTERFACE_GET = Operation.of(
                    "servers.interfaceAttachments.get", HttpMethod.GET, INTERFACE)
            .returns(member("interfaceAttachment", InterfaceAttachment.class));

    static final Operation<InterfaceAttachmentCreate, InterfaceAttachment> INTERFACE_ATTACH = Operation.of(
                    "servers.interfaceAttachments.attach", HttpMethod.POST, INTERFACES)
            .sends(member("interfaceAttachment"), InterfaceAttachmentCreate::versionRequirements)
            .returns(member("interfaceAttachment", InterfaceAttachment.class));

    static final Operation<Void, Void> INTERFACE_DETACH =
            Operation.of("servers.interfaceAttachments.detach", HttpMethod.DELETE, INTERFACE);

    private SubResourceOperations() {}

    /** A JSON object of strings. */
    static final class StringMap extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    /** A JSON object of anything. */
    static final class ObjectMap extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;
    }

    /** A JSON array of strings. */
    static final class StringList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
    }

    /** Addresses by network label. */
    static final class AddressMap extends LinkedHashMap<String, List<ServerAddress>> {
        private static final long serialVersionUID = 1L;
    }

    /** {@code security_groups}. */
    static final class SecurityGroupList extends ArrayList<SecurityGroup> {
        private static final long serialVersionUID = 1L;
    }

    /** {@code migrations}. */
    static final class MigrationList extends ArrayList<ServerMigration> {
        private static final long serialVersionUID = 1L;
    }

    /** {@code volumeAttachments}. */
    static final class VolumeAttachmentList extends ArrayList<VolumeAttachment> {
        private static final long serialVersionUID = 1L;
    }

    /** {@code interfaceAttachments}. */
    static final class InterfaceList extends ArrayList<InterfaceAttachment> {
        private static final long serialVersionUID = 1L;
    }

    /**
     * One page of volume attachments and the request that fetched it. Nova pages this listing by
     * {@code limit} and {@code offset} without next links, so a full page means there may be more, at the offset
     * after it.
     */
    record VolumePage(List<VolumeAttachment> items, URI request) {
        Optional<String> next() {
            String raw = request.getRawQuery();
            List<String> kept = new ArrayList<>();
            int limit = NOVA_MAX_LIMIT;
            int offset = 0;
            for (String pair : raw == null ? new String[0] : raw.split("&")) {
                if (pair.startsWith("offset=")) {
                    offset = Integer.parseInt(pair.substring("offset=".length()));
                    continue;
                }
                if (pair.startsWith("limit=")) {
                    limit = Integer.parseInt(pair.substring("limit=".length()));
                }
                kept.add(pair);
            }
            if (items.isEmpty() || items.size() < limit) {
                return Optional.empty();
            }
            kept.add("offset=" + (offset + items.size()));
            String uri = request.toString();
            int q = uri.indexOf('?');
            return Optional.of((q < 0 ? uri : uri.substring(0, q)) + "?" + String.join("&", kept));
        }
    }
}
