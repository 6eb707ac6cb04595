package dev.novasdk.compute.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.novasdk.compute.Link;
import dev.novasdk.compute.servers.AttachedVolume;
import dev.novasdk.compute.servers.Server;
import dev.novasdk.compute.servers.ServerAddress;
import dev.novasdk.compute.servers.ServerFault;
import dev.novasdk.compute.servers.ServerFlavor;
import dev.novasdk.compute.servers.ServerImage;
import dev.novasdk.compute.servers.ServerSecurityGroup;
import dev.novasdk.core.internal.JsonCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written readers of the server documents Nova sends (a show, a page of a detailed or plain listing, a
 * create response), straight from the parser into the models' builders: Jackson's reflective binding of
 * {@link Server} (a setter call per property, the Immutables JSON delegate, then the normalising copy) cost
 * several times what reading the tokens does. They read the types Nova sends and give up, returning
 * {@code null}, on anything else (a number where Nova sends a string, a {@code null} where a value is
 * required, scheduler hints), leaving that document to Jackson's binding, which then decides the result as it
 * always did; see {@link JsonCodec#decode(dev.novasdk.core.http.HttpRequest, dev.novasdk.core.http.HttpResponse,
 * String, Class, JsonCodec.FastReader)}. Members they do not know are skipped, as the mapper ignores unknown
 * properties. Not API.
 */
public final class ServerJson {
    private ServerJson() {}

    /** One page of a listing: {@code {"servers": [...], "servers_links": [...]}}. */
    public static ServerListDocument page(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ImmutableServerListDocument.Builder doc = ImmutableServerListDocument.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue; // Jackson leaves a null collection empty
            }
            switch (name) {
                case "servers": {
                    if (t != JsonToken.START_ARRAY) {
                        return null;
                    }
                    List<Server> servers = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        Server s = server(p);
                        if (s == null) {
                            return null;
                        }
                        servers.add(s);
                    }
                    doc.servers(servers);
                    break;
                }
                case "servers_links": {
                    List<Link> links = links(p);
                    if (links == null) {
                        return null;
                    }
                    doc.serversLinks(links);
                    break;
                }
                default:
                    p.skipChildren();
            }
        }
        return p.currentToken() == JsonToken.END_OBJECT ? doc.build() : null;
    }

    /** A server object, the parser on its {@code START_OBJECT}; {@code null} for a shape it leaves to Jackson. */
    public static Server server(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Server.Builder b = Server.builder();
        boolean hasId = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id": {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    b.id(p.getText());
                    hasId = true;
                    break;
                }
                case "name":
                case "status":
                case "tenant_id":
                case "user_id":
                case "hostId":
                case "accessIPv4":
                case "accessIPv6":
                case "key_name":
                case "config_drive":
                case "OS-EXT-STS:task_state":
                case "OS-EXT-STS:vm_state":
                case "OS-EXT-SRV-ATTR:host":
                case "OS-EXT-SRV-ATTR:hypervisor_hostname":
                case "OS-EXT-SRV-ATTR:instance_name":
                case "OS-EXT-SRV-ATTR:reservation_id":
                case "OS-EXT-SRV-ATTR:hostname":
                case "OS-EXT-SRV-ATTR:kernel_id":
                case "OS-EXT-SRV-ATTR:ramdisk_id":
                case "OS-EXT-SRV-ATTR:root_device_name":
                case "OS-EXT-SRV-ATTR:user_data":
                case "user_data":
                case "OS-EXT-AZ:availability_zone":
                case "OS-DCF:diskConfig":
                case "locked_reason":
                case "description":
                case "host_status":
                case "pinned_availability_zone":
                case "adminPass": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    setString(b, name, t == JsonToken.VALUE_NULL ? null : p.getText());
                    break;
                }
                case "created":
                case "updated":
                case "OS-SRV-USG:launched_at":
                case "OS-SRV-USG:terminated_at": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    Instant at = t == JsonToken.VALUE_NULL ? null : JsonCodec.instant(p.getText());
                    setInstant(b, name, at);
                    break;
                }
                case "progress":
                case "OS-EXT-STS:power_state":
                case "OS-EXT-SRV-ATTR:launch_index": {
                    if (t != JsonToken.VALUE_NULL && !isInt(p, t)) {
                        return null;
                    }
                    Integer v = t == JsonToken.VALUE_NULL ? null : p.getIntValue();
                    if (name.equals("progress")) {
                        b.progress(java.util.Optional.ofNullable(v));
                    } else if (name.equals("OS-EXT-STS:power_state")) {
                        b.powerStateCode(java.util.Optional.ofNullable(v));
                    } else {
                        b.launchIndex(java.util.Optional.ofNullable(v));
                    }
                    break;
                }
                case "locked": {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        b.locked(t == JsonToken.VALUE_TRUE);
                    } else if (t == JsonToken.VALUE_NULL) {
                        b.locked(java.util.Optional.empty());
                    } else {
                        return null;
                    }
                    break;
                }
                case "addresses": {
                    Map<String, List<ServerAddress>> addresses = addresses(p, t);
                    if (addresses == null) {
                        return null;
                    }
                    b.addresses(addresses);
                    break;
                }
                case "links": {
                    List<Link> links = t == JsonToken.VALUE_NULL ? List.of() : links(p);
                    if (links == null) {
                        return null;
                    }
                    b.links(links);
                    break;
                }
                case "image": {
                    if (t == JsonToken.VALUE_NULL) {
                        b.image(java.util.Optional.empty());
                    } else if (t == JsonToken.VALUE_STRING) {
                        String id = p.getText().trim();
                        // Nova sends "" for a server booted from a volume.
                        b.image(
                                id.isEmpty()
                                        ? java.util.Optional.empty()
                                        : java.util.Optional.of(
                                                ServerImage.builder().id(id).build()));
                    } else {
                        ServerImage image = image(p);
                        if (image == null) {
                            return null;
                        }
                        b.image(image);
                    }
                    break;
                }
                case "flavor": {
                    if (t == JsonToken.VALUE_NULL) {
                        b.flavor(java.util.Optional.empty());
                    } else {
                        ServerFlavor flavor = flavor(p);
                        if (flavor == null) {
                            return null;
                        }
                        b.flavor(flavor);
                    }
                    break;
                }
                case "metadata": {
                    Map<String, String> metadata = t == JsonToken.VALUE_NULL ? Map.of() : stringMap(p);
                    if (metadata == null) {
                        return null;
                    }
                    b.metadata(metadata);
                    break;
                }
                case "security_groups": {
                    List<ServerSecurityGroup> groups = t == JsonToken.VALUE_NULL ? List.of() : securityGroups(p);
                    if (groups == null) {
                        return null;
                    }
                    b.securityGroups(groups);
                    break;
                }
                case "os-extended-volumes:volumes_attached": {
                    List<AttachedVolume> volumes = t == JsonToken.VALUE_NULL ? List.of() : volumes(p);
                    if (volumes == null) {
                        return null;
                    }
                    b.volumesAttached(volumes);
                    break;
                }
                case "fault": {
                    if (t == JsonToken.VALUE_NULL) {
                        b.fault(java.util.Optional.empty());
                    } else {
                        ServerFault fault = fault(p);
                        if (fault == null) {
                            return null;
                        }
                        b.fault(fault);
                    }
                    break;
                }
                case "tags":
                case "trusted_image_certificates":
                case "server_groups": {
                    List<String> values = t == JsonToken.VALUE_NULL ? List.of() : strings(p);
                    if (values == null) {
                        return null;
                    }
                    if (name.equals("tags")) {
                        b.tags(values);
                    } else if (name.equals("trusted_image_certificates")) {
                        b.trustedImageCertificates(values);
                    } else {
                        b.serverGroups(values);
                    }
                    break;
                }
                case "scheduler_hints":
                    // Sent from 2.100 on, above the SDK's versions; its single-value lists are Jackson's to read.
                    return null;
                default:
                    p.skipChildren();
            }
        }
        return hasId && p.currentToken() == JsonToken.END_OBJECT ? b.build() : null;
    }

    private static void setString(Server.Builder b, String name, String v) {
        java.util.Optional<String> o = java.util.Optional.ofNullable(v);
        switch (name) {
            case "name" -> b.name(o);
            case "status" -> b.statusRaw(o);
            case "tenant_id" -> b.tenantId(o);
            case "user_id" -> b.userId(o);
            case "hostId" -> b.hostId(o);
            case "accessIPv4" -> b.accessIpv4(o);
            case "accessIPv6" -> b.accessIpv6(o);
            case "key_name" -> b.keyName(o);
            case "config_drive" -> b.configDrive(o);
            case "OS-EXT-STS:task_state" -> b.taskStateRaw(o);
            case "OS-EXT-STS:vm_state" -> b.vmStateRaw(o);
            case "OS-EXT-SRV-ATTR:host" -> b.host(o);
            case "OS-EXT-SRV-ATTR:hypervisor_hostname" -> b.hypervisorHostname(o);
            case "OS-EXT-SRV-ATTR:instance_name" -> b.instanceName(o);
            case "OS-EXT-SRV-ATTR:reservation_id" -> b.reservationId(o);
            case "OS-EXT-SRV-ATTR:hostname" -> b.hostname(o);
            case "OS-EXT-SRV-ATTR:kernel_id" -> b.kernelId(o);
            case "OS-EXT-SRV-ATTR:ramdisk_id" -> b.ramdiskId(o);
            case "OS-EXT-SRV-ATTR:root_device_name" -> b.rootDeviceName(o);
            case "OS-EXT-SRV-ATTR:user_data", "user_data" -> b.userData(o);
            case "OS-EXT-AZ:availability_zone" -> b.availabilityZone(o);
            case "OS-DCF:diskConfig" -> b.diskConfigRaw(o);
            case "locked_reason" -> b.lockedReason(o);
            case "description" -> b.description(o);
            case "host_status" -> b.hostStatusRaw(o);
            case "pinned_availability_zone" -> b.pinnedAvailabilityZone(o);
            case "adminPass" -> b.adminPass(o);
            default -> throw new IllegalStateException(name);
        }
    }

    private static void setInstant(Server.Builder b, String name, Instant at) {
        java.util.Optional<Instant> o = java.util.Optional.ofNullable(at);
        switch (name) {
            case "created" -> b.created(o);
            case "updated" -> b.updated(o);
            case "OS-SRV-USG:launched_at" -> b.launchedAt(o);
            case "OS-SRV-USG:terminated_at" -> b.terminatedAt(o);
            default -> throw new IllegalStateException(name);
        }
    }

    /** A {@code links} array; {@code null} for another shape. */
    public static List<Link> links(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<Link> links = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String rel = null;
            String href = null;
            String type = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                switch (name) {
                    case "rel":
                    case "href":
                    case "type": {
                        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                            return null;
                        }
                        String v = t == JsonToken.VALUE_NULL ? null : p.getText();
                        if (name.equals("rel")) {
                            rel = v;
                        } else if (name.equals("href")) {
                            href = v;
                        } else {
                            type = v;
                        }
                        break;
                    }
                    default:
                        p.skipChildren();
                }
            }
            if (rel == null || href == null) {
                return null;
            }
            Link.Builder link = Link.builder().rel(rel).href(href);
            if (type != null) {
                link.type(type);
            }
            links.add(link.build());
        }
        return p.currentToken() == JsonToken.END_ARRAY ? links : null;
    }

    private static Map<String, List<ServerAddress>> addresses(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, List<ServerAddress>> out = new LinkedHashMap<>();
        String network;
        while ((network = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null; // a null list is an error for Jackson's binding to report
            }
            List<ServerAddress> list = new ArrayList<>(2);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                ServerAddress.Builder a = ServerAddress.builder();
                boolean hasAddr = false;
                boolean hasVersion = false;
                String name;
                while ((name = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    switch (name) {
                        case "addr": {
                            if (v != JsonToken.VALUE_STRING) {
                                return null;
                            }
                            a.addr(p.getText());
                            hasAddr = true;
                            break;
                        }
                        case "version": {
                            if (!isInt(p, v)) {
                                return null;
                            }
                            a.version(p.getIntValue());
                            hasVersion = true;
                            break;
                        }
                        case "OS-EXT-IPS:type":
                        case "OS-EXT-IPS-MAC:mac_addr": {
                            if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
                                return null;
                            }
                            java.util.Optional<String> o =
                                    java.util.Optional.ofNullable(v == JsonToken.VALUE_NULL ? null : p.getText());
                            if (name.equals("OS-EXT-IPS:type")) {
                                a.typeRaw(o);
                            } else {
                                a.macAddr(o);
                            }
                            break;
                        }
                        default:
                            p.skipChildren();
                    }
                }
                if (!hasAddr || !hasVersion) {
                    return null;
                }
                list.add(a.build());
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                return null;
            }
            // List.copyOf, so that Server's deep-immutability check finds nothing to copy.
            out.put(network, List.copyOf(list));
        }
        return out;
    }

    private static ServerImage image(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ServerImage.Builder image = ServerImage.builder();
        boolean hasId = false;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id": {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    image.id(p.getText());
                    hasId = true;
                    break;
                }
                case "links": {
                    List<Link> links = t == JsonToken.VALUE_NULL ? List.of() : links(p);
                    if (links == null) {
                        return null;
                    }
                    image.links(links);
                    break;
                }
                case "properties": {
                    Map<String, String> properties = t == JsonToken.VALUE_NULL ? Map.of() : stringMap(p);
                    if (properties == null) {
                        return null;
                    }
                    image.properties(properties);
                    break;
                }
                default:
                    p.skipChildren();
            }
        }
        return hasId ? image.build() : null;
    }

    private static ServerFlavor flavor(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ServerFlavor.Builder flavor = ServerFlavor.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "id":
                case "original_name": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    java.util.Optional<String> o =
                            java.util.Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getText());
                    if (name.equals("id")) {
                        flavor.id(o);
                    } else {
                        flavor.originalName(o);
                    }
                    break;
                }
                case "ram":
                case "vcpus":
                case "disk":
                case "ephemeral":
                case "swap": {
                    if (t != JsonToken.VALUE_NULL && !isInt(p, t)) {
                        return null; // swap may be "" in older versions: SwapDeserializer's case
                    }
                    java.util.Optional<Integer> o =
                            java.util.Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getIntValue());
                    switch (name) {
                        case "ram" -> flavor.ram(o);
                        case "vcpus" -> flavor.vcpus(o);
                        case "disk" -> flavor.disk(o);
                        case "ephemeral" -> flavor.ephemeralGb(o);
                        default -> flavor.swapMb(o);
                    }
                    break;
                }
                case "links": {
                    List<Link> links = t == JsonToken.VALUE_NULL ? List.of() : links(p);
                    if (links == null) {
                        return null;
                    }
                    flavor.links(links);
                    break;
                }
                case "extra_specs": {
                    Map<String, String> specs = t == JsonToken.VALUE_NULL ? Map.of() : stringMap(p);
                    if (specs == null) {
                        return null;
                    }
                    flavor.extraSpecs(specs);
                    break;
                }
                default:
                    p.skipChildren();
            }
        }
        return flavor.build();
    }

    private static ServerFault fault(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        ServerFault.Builder fault = ServerFault.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "code": {
                    if (t != JsonToken.VALUE_NULL && !isInt(p, t)) {
                        return null;
                    }
                    fault.code(java.util.Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getIntValue()));
                    break;
                }
                case "created": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    fault.created(java.util.Optional.ofNullable(
                            t == JsonToken.VALUE_NULL ? null : JsonCodec.instant(p.getText())));
                    break;
                }
                case "message":
                case "details": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    java.util.Optional<String> o =
                            java.util.Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getText());
                    if (name.equals("message")) {
                        fault.message(o);
                    } else {
                        fault.details(o);
                    }
                    break;
                }
                default:
                    p.skipChildren();
            }
        }
        return fault.build();
    }

    private static List<ServerSecurityGroup> securityGroups(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<ServerSecurityGroup> groups = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String group = null;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("name")) {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    group = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (group == null) {
                return null;
            }
            groups.add(ServerSecurityGroup.of(group));
        }
        return p.currentToken() == JsonToken.END_ARRAY ? groups : null;
    }

    private static List<AttachedVolume> volumes(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<AttachedVolume> volumes = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            AttachedVolume.Builder volume = AttachedVolume.builder();
            boolean hasId = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (name.equals("id")) {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    volume.id(p.getText());
                    hasId = true;
                } else if (name.equals("delete_on_termination")) {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        volume.deleteOnTermination(t == JsonToken.VALUE_TRUE);
                    } else if (t != JsonToken.VALUE_NULL) {
                        return null;
                    } else {
                        volume.deleteOnTermination(java.util.Optional.empty());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!hasId) {
                return null;
            }
            volumes.add(volume.build());
        }
        return p.currentToken() == JsonToken.END_ARRAY ? volumes : null;
    }

    private static List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            values.add(p.getText());
        }
        return t == JsonToken.END_ARRAY ? values : null;
    }

    private static Map<String, String> stringMap(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            out.put(key, p.getText());
        }
        return out;
    }

    private static boolean isInt(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
    }
}
