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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

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
    // Values repeat from server to server of a page (project, user, flavor, image, status, zone, link relations):
    // one String per distinct short value, found again by its characters, instead of one per occurrence. A
    // single server has little to share, so it is read without the pool.
    private static final int POOL_SIZE = 512;
    private static final int POOLED_MAX_LENGTH = 64;

    private final String[] pool;
    // The characters of each pooled String, compared with the vectorised Arrays.equals rather than by charAt.
    private final char[][] poolChars;

    private ServerJson(boolean pooled) {
        this.pool = pooled ? new String[POOL_SIZE] : null;
        this.poolChars = pooled ? new char[POOL_SIZE][] : null;
    }

    /** One page of a listing: {@code {"servers": [...], "servers_links": [...]}}. */
    public static ServerListDocument page(JsonParser p) throws IOException {
        return new ServerJson(true).readPage(p);
    }

    /** A server object, the parser on its {@code START_OBJECT}; {@code null} for a shape it leaves to Jackson. */
    public static Server server(JsonParser p) throws IOException {
        return new ServerJson(false).readServer(p);
    }

    private ServerListDocument readPage(JsonParser p) throws IOException {
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
                        Server s = readServer(p);
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

    private Server readServer(JsonParser p) throws IOException {
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
                    b.id(unique(p));
                    hasId = true;
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
                    if (t == JsonToken.VALUE_NULL) {
                        if (name.equals("progress")) {
                            b.progress(Optional.empty());
                        } else if (name.equals("OS-EXT-STS:power_state")) {
                            b.powerStateCode(Optional.empty());
                        } else {
                            b.launchIndex(Optional.empty());
                        }
                    } else if (name.equals("progress")) {
                        b.progress(p.getIntValue());
                    } else if (name.equals("OS-EXT-STS:power_state")) {
                        b.powerStateCode(p.getIntValue());
                    } else {
                        b.launchIndex(p.getIntValue());
                    }
                    break;
                }
                case "locked": {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        b.locked(t == JsonToken.VALUE_TRUE);
                    } else if (t == JsonToken.VALUE_NULL) {
                        b.locked(Optional.empty());
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
                        b.image(Optional.empty());
                    } else if (t == JsonToken.VALUE_STRING) {
                        String id = text(p).trim();
                        // Nova sends "" for a server booted from a volume.
                        b.image(
                                id.isEmpty()
                                        ? Optional.empty()
                                        : Optional.of(
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
                        b.flavor(Optional.empty());
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
                        b.fault(Optional.empty());
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
                default: {
                    StringMember member = STRING_MEMBERS.get(name);
                    if (member == null) {
                        p.skipChildren();
                    } else if (t == JsonToken.VALUE_STRING) {
                        member.value().accept(b, member.unique() ? unique(p) : text(p));
                    } else if (t == JsonToken.VALUE_NULL) {
                        member.absent().accept(b, Optional.empty());
                    } else {
                        return null;
                    }
                }
            }
        }
        return hasId && p.currentToken() == JsonToken.END_OBJECT ? b.build() : null;
    }

    // A member's plain setter for a value and its Optional one for a null (which empties it, as Jackson's
    // binding does when a member is sent twice): no Optional is made for each value read.
    // unique: a value that differs from server to server (name, host name, password), not worth pooling.
    private record StringMember(
            BiConsumer<Server.Builder, String> value,
            BiConsumer<Server.Builder, Optional<String>> absent,
            boolean unique) {
        StringMember(BiConsumer<Server.Builder, String> value, BiConsumer<Server.Builder, Optional<String>> absent) {
            this(value, absent, false);
        }
    }

    private static final Map<String, StringMember> STRING_MEMBERS = stringMembers();

    private static Map<String, StringMember> stringMembers() {
        Map<String, StringMember> m = new java.util.HashMap<>();
        m.put("name", new StringMember(Server.Builder::name, Server.Builder::name, true));
        m.put("status", new StringMember(Server.Builder::statusRaw, Server.Builder::statusRaw));
        m.put("tenant_id", new StringMember(Server.Builder::tenantId, Server.Builder::tenantId));
        m.put("user_id", new StringMember(Server.Builder::userId, Server.Builder::userId));
        m.put("hostId", new StringMember(Server.Builder::hostId, Server.Builder::hostId));
        m.put("accessIPv4", new StringMember(Server.Builder::accessIpv4, Server.Builder::accessIpv4));
        m.put("accessIPv6", new StringMember(Server.Builder::accessIpv6, Server.Builder::accessIpv6));
        m.put("key_name", new StringMember(Server.Builder::keyName, Server.Builder::keyName));
        m.put("config_drive", new StringMember(Server.Builder::configDrive, Server.Builder::configDrive));
        m.put("OS-EXT-STS:task_state", new StringMember(Server.Builder::taskStateRaw, Server.Builder::taskStateRaw));
        m.put("OS-EXT-STS:vm_state", new StringMember(Server.Builder::vmStateRaw, Server.Builder::vmStateRaw));
        m.put("OS-EXT-SRV-ATTR:host", new StringMember(Server.Builder::host, Server.Builder::host));
        m.put(
                "OS-EXT-SRV-ATTR:hypervisor_hostname",
                new StringMember(Server.Builder::hypervisorHostname, Server.Builder::hypervisorHostname));
        m.put(
                "OS-EXT-SRV-ATTR:instance_name",
                new StringMember(Server.Builder::instanceName, Server.Builder::instanceName, true));
        m.put(
                "OS-EXT-SRV-ATTR:reservation_id",
                new StringMember(Server.Builder::reservationId, Server.Builder::reservationId));
        m.put("OS-EXT-SRV-ATTR:hostname", new StringMember(Server.Builder::hostname, Server.Builder::hostname, true));
        m.put("OS-EXT-SRV-ATTR:kernel_id", new StringMember(Server.Builder::kernelId, Server.Builder::kernelId));
        m.put("OS-EXT-SRV-ATTR:ramdisk_id", new StringMember(Server.Builder::ramdiskId, Server.Builder::ramdiskId));
        m.put(
                "OS-EXT-SRV-ATTR:root_device_name",
                new StringMember(Server.Builder::rootDeviceName, Server.Builder::rootDeviceName));
        m.put("OS-EXT-SRV-ATTR:user_data", new StringMember(Server.Builder::userData, Server.Builder::userData, true));
        m.put("user_data", new StringMember(Server.Builder::userData, Server.Builder::userData, true));
        m.put(
                "OS-EXT-AZ:availability_zone",
                new StringMember(Server.Builder::availabilityZone, Server.Builder::availabilityZone));
        m.put("OS-DCF:diskConfig", new StringMember(Server.Builder::diskConfigRaw, Server.Builder::diskConfigRaw));
        m.put("locked_reason", new StringMember(Server.Builder::lockedReason, Server.Builder::lockedReason));
        m.put("description", new StringMember(Server.Builder::description, Server.Builder::description, true));
        m.put("host_status", new StringMember(Server.Builder::hostStatusRaw, Server.Builder::hostStatusRaw));
        m.put(
                "pinned_availability_zone",
                new StringMember(Server.Builder::pinnedAvailabilityZone, Server.Builder::pinnedAvailabilityZone));
        m.put("adminPass", new StringMember(Server.Builder::adminPass, Server.Builder::adminPass, true));
        return Map.copyOf(m);
    }

    // A present time goes in through the plain setter: the builder keeps the value, not an Optional, so wrapping
    // it would only allocate one per timestamp of every server read.
    private static void setInstant(Server.Builder b, String name, Instant at) {
        if (at == null) {
            Optional<Instant> none = Optional.empty();
            switch (name) {
                case "created" -> b.created(none);
                case "updated" -> b.updated(none);
                case "OS-SRV-USG:launched_at" -> b.launchedAt(none);
                case "OS-SRV-USG:terminated_at" -> b.terminatedAt(none);
                default -> throw new IllegalStateException(name);
            }
            return;
        }
        switch (name) {
            case "created" -> b.created(at);
            case "updated" -> b.updated(at);
            case "OS-SRV-USG:launched_at" -> b.launchedAt(at);
            case "OS-SRV-USG:terminated_at" -> b.terminatedAt(at);
            default -> throw new IllegalStateException(name);
        }
    }

    // A links array; null for another shape.
    private List<Link> links(JsonParser p) throws IOException {
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
                        String v = t == JsonToken.VALUE_NULL ? null : text(p);
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

    private Map<String, List<ServerAddress>> addresses(JsonParser p, JsonToken t) throws IOException {
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
                            a.addr(unique(p));
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
                            Optional<String> o = Optional.ofNullable(v == JsonToken.VALUE_NULL ? null : text(p));
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

    private ServerImage image(JsonParser p) throws IOException {
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
                    image.id(text(p));
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

    private ServerFlavor flavor(JsonParser p) throws IOException {
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
                    Optional<String> o = Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : text(p));
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
                    Optional<Integer> o = Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getIntValue());
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

    private ServerFault fault(JsonParser p) throws IOException {
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
                    fault.code(Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : p.getIntValue()));
                    break;
                }
                case "created": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    fault.created(
                            Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : JsonCodec.instant(p.getText())));
                    break;
                }
                case "message":
                case "details": {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    Optional<String> o = Optional.ofNullable(t == JsonToken.VALUE_NULL ? null : text(p));
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

    private List<ServerSecurityGroup> securityGroups(JsonParser p) throws IOException {
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
                    group = text(p);
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

    private List<AttachedVolume> volumes(JsonParser p) throws IOException {
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
                    volume.id(unique(p));
                    hasId = true;
                } else if (name.equals("delete_on_termination")) {
                    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        volume.deleteOnTermination(t == JsonToken.VALUE_TRUE);
                    } else if (t != JsonToken.VALUE_NULL) {
                        return null;
                    } else {
                        volume.deleteOnTermination(Optional.empty());
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

    private List<String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            values.add(text(p));
        }
        return t == JsonToken.END_ARRAY ? values : null;
    }

    private Map<String, String> stringMap(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String key;
        while ((key = p.nextFieldName()) != null) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            out.put(key, text(p));
        }
        return out;
    }

    private static boolean isInt(JsonParser p, JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT;
    }

    // The value of the current string token, for a member whose values differ from server to server (ids,
    // names, addresses): looking it up in the pool would cost a hash and a miss each time.
    private static String unique(JsonParser p) throws IOException {
        return p.getText();
    }

    // The value of the current string token: from the pool when pooling and short, else a new String.
    private String text(JsonParser p) throws IOException {
        if (pool == null) {
            return p.getText();
        }
        int len = p.getTextLength();
        if (len > POOLED_MAX_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int off = p.getTextOffset();
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (POOL_SIZE - 1);
        char[] known = poolChars[slot];
        if (known != null && Arrays.equals(known, 0, known.length, chars, off, off + len)) {
            return pool[slot];
        }
        char[] copy = Arrays.copyOfRange(chars, off, off + len);
        String s = new String(copy);
        pool[slot] = s;
        poolChars[slot] = copy;
        return s;
    }
}
