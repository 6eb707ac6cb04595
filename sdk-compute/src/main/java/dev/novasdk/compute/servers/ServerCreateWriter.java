package dev.novasdk.compute.servers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    // Written member by member rather than through a map of the document: a create is sent once per server, but
    // the map, its nodes and Jackson's map serializer were a fifth of what the SDK allocated per create.
    @Override
    public void serialize(ServerCreate c, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeFieldName("server");
        gen.writeStartObject();
        gen.writeStringField("name", c.name());
        writeIfPresent(gen, "imageRef", c.imageId());
        gen.writeStringField("flavorRef", c.flavorId());
        if (!c.metadata().isEmpty()) {
            provider.defaultSerializeField("metadata", c.metadata(), gen);
        }
        if (!c.personality().isEmpty()) {
            provider.defaultSerializeField("personality", c.personality(), gen);
        }
        writeIfPresent(gen, "user_data", c.userDataBase64());
        writeIfPresent(gen, "key_name", c.keyName());
        if (c.configDrive().isPresent()) {
            gen.writeBooleanField("config_drive", c.configDrive().get());
        }
        writeIfPresent(gen, "adminPass", c.adminPassword());
        if (c.minCount().isPresent()) {
            gen.writeNumberField("min_count", c.minCount().get());
        }
        if (c.maxCount().isPresent()) {
            gen.writeNumberField("max_count", c.maxCount().get());
        }
        if (c.returnReservationId().isPresent()) {
            gen.writeBooleanField(
                    "return_reservation_id", c.returnReservationId().get());
        }
        if (!c.securityGroups().isEmpty()) {
            gen.writeFieldName("security_groups");
            gen.writeStartArray();
            for (String g : c.securityGroups()) {
                gen.writeStartObject();
                gen.writeStringField("name", g);
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        writeIfPresent(gen, "availability_zone", c.availabilityZone());
        if (!c.legacyBlockDeviceMappings().isEmpty()) {
            provider.defaultSerializeField("block_device_mapping", c.legacyBlockDeviceMappings(), gen);
        }
        if (!c.blockDeviceMappings().isEmpty()) {
            provider.defaultSerializeField("block_device_mapping_v2", blockDeviceMappings(c), gen);
        }
        if (c.networkAllocation().isPresent()) {
            gen.writeStringField("networks", c.networkAllocation().get().value());
        } else if (!c.networks().isEmpty()) {
            provider.defaultSerializeField("networks", c.networks(), gen);
        }
        if (c.diskConfig().isPresent()) {
            gen.writeStringField("OS-DCF:diskConfig", c.diskConfig().get().name());
        }
        writeIfPresent(gen, "accessIPv4", c.accessIpv4());
        writeIfPresent(gen, "accessIPv6", c.accessIpv6());
        writeIfPresent(gen, "description", c.description());
        if (!c.tags().isEmpty()) {
            provider.defaultSerializeField("tags", c.tags(), gen);
        }
        writeIfPresent(gen, "hostname", c.hostname());
        if (!c.trustedImageCertificates().isEmpty()) {
            provider.defaultSerializeField("trusted_image_certificates", c.trustedImageCertificates(), gen);
        }
        writeIfPresent(gen, "host", c.host());
        writeIfPresent(gen, "hypervisor_hostname", c.hypervisorHostname());
        gen.writeEndObject();
        if (!c.schedulerHints().isEmpty()) {
            provider.defaultSerializeField("os:scheduler_hints", hints(c.schedulerHints()), gen);
        }
        gen.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator gen, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            gen.writeStringField(name, value.get());
        }
    }

    private static List<BlockDeviceMappingV2> blockDeviceMappings(ServerCreate c) {
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
        return mappings;
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
