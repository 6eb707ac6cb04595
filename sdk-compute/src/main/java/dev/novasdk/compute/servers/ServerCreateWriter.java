package dev.novasdk.compute.servers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one encoding of a {@link ServerCreate}: the whole request document, {@code {"server": {...},
 * "os:scheduler_hints": {...}}}, since the hints sit next to the server and not inside it. Field names, the
 * image mapping put first, grouped hints and security groups as objects follow novaclient's {@code _boot}.
 * Entries (mappings, NICs, files) are written by their own Jackson annotations.
 */
final class ServerCreateWriter extends StdSerializer<ServerCreate> {
    private static final long serialVersionUID = 1L;

    ServerCreateWriter() {
        super(ServerCreate.class);
    }

    @Override
    public void serialize(ServerCreate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        provider.defaultSerializeValue(document(value), gen);
    }

    static Map<String, Object> document(ServerCreate c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", c.name());
        c.imageId().ifPresent(id -> s.put("imageRef", id));
        s.put("flavorRef", c.flavorId());
        if (!c.metadata().isEmpty()) {
            s.put("metadata", c.metadata());
        }
        if (!c.personality().isEmpty()) {
            s.put("personality", c.personality());
        }
        c.userDataBase64().ifPresent(d -> s.put("user_data", d));
        c.keyName().ifPresent(k -> s.put("key_name", k));
        c.configDrive().ifPresent(b -> s.put("config_drive", b));
        c.adminPassword().ifPresent(p -> s.put("adminPass", p));
        c.minCount().ifPresent(n -> s.put("min_count", n));
        c.maxCount().ifPresent(n -> s.put("max_count", n));
        c.returnReservationId().ifPresent(b -> s.put("return_reservation_id", b));
        if (!c.securityGroups().isEmpty()) {
            List<Map<String, String>> groups = new ArrayList<>();
            for (String g : c.securityGroups()) {
                groups.add(Map.of("name", g));
            }
            s.put("security_groups", groups);
        }
        c.availabilityZone().ifPresent(az -> s.put("availability_zone", az));
        if (!c.legacyBlockDeviceMappings().isEmpty()) {
            s.put("block_device_mapping", c.legacyBlockDeviceMappings());
        }
        if (!c.blockDeviceMappings().isEmpty()) {
            List<BlockDeviceMappingV2> mappings = new ArrayList<>();
            // novaclient: "Append the image to the list only if we have new style BDMs". Nova only accepts an
            // image-to-local mapping with boot index 0 when imageRef is given too.
            c.imageId()
                    .ifPresent(id -> mappings.add(BlockDeviceMappingV2.builder()
                            .bootIndex(0)
                            .uuid(id)
                            .sourceType(BlockDeviceMappingV2.SourceType.IMAGE)
                            .destinationType(BlockDeviceMappingV2.DestinationType.LOCAL)
                            .deleteOnTermination(true)
                            .build()));
            mappings.addAll(c.blockDeviceMappings());
            s.put("block_device_mapping_v2", mappings);
        }
        if (c.networkAllocation().isPresent()) {
            s.put("networks", c.networkAllocation().get().value());
        } else if (!c.networks().isEmpty()) {
            s.put("networks", c.networks());
        }
        c.diskConfig().ifPresent(d -> s.put("OS-DCF:diskConfig", d.name()));
        c.accessIpv4().ifPresent(ip -> s.put("accessIPv4", ip));
        c.accessIpv6().ifPresent(ip -> s.put("accessIPv6", ip));
        c.description().ifPresent(d -> s.put("description", d));
        if (!c.tags().isEmpty()) {
            s.put("tags", c.tags());
        }
        c.hostname().ifPresent(h -> s.put("hostname", h));
        if (!c.trustedImageCertificates().isEmpty()) {
            s.put("trusted_image_certificates", c.trustedImageCertificates());
        }
        c.host().ifPresent(h -> s.put("host", h));
        c.hypervisorHostname().ifPresent(h -> s.put("hypervisor_hostname", h));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("server", s);
        if (!c.schedulerHints().isEmpty()) {
            document.put("os:scheduler_hints", hints(c.schedulerHints()));
        }
        return document;
    }

    // novaclient: "multiple copies of the same hint will result in a list of values".
    private static Map<String, Object> hints(List<SchedulerHint> hints) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (SchedulerHint h : hints) {
            byKey.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(h.value());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byKey.forEach((key, values) -> out.put(key, values.size() == 1 ? values.get(0) : values));
        return out;
    }
}
