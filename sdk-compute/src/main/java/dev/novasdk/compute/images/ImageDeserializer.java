package dev.novasdk.compute.images;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.novasdk.compute.Link;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@link Image} from a glance v2 image document or a nova {@code /images} proxy document. Each
 * field is taken from whichever spelling is present. A document with any nova-only key ({@code metadata},
 * {@code minDisk}, {@code created}, ...) is a nova document: its properties come from {@code metadata} and
 * its other unknown keys are ignored. In a glance document every unknown top-level key is a property.
 */
final class ImageDeserializer extends StdDeserializer<Image> {
    private static final long serialVersionUID = 1L;

    /** Keys only nova's proxy sends. {@code links} and {@code progress} are missing: an image written as JSON has them. */
    private static final Set<String> NOVA_ONLY = Set.of(
            "metadata",
            "minDisk",
            "minRam",
            "OS-EXT-IMG-SIZE:size",
            "created",
            "updated",
            "server",
            "OS-DCF:diskConfig");

    /** Glance's own fields, which are never properties, including those not modelled. */
    private static final Set<String> GLANCE_FIELDS = Set.of(
            "id",
            "name",
            "status",
            "visibility",
            "min_disk",
            "min_ram",
            "size",
            "virtual_size",
            "created_at",
            "updated_at",
            "checksum",
            "os_hash_algo",
            "os_hash_value",
            "disk_format",
            "container_format",
            "owner",
            "protected",
            "os_hidden",
            "tags",
            "direct_url",
            "self",
            "file",
            "schema",
            "locations",
            "progress",
            "links");

    ImageDeserializer() {
        super(Image.class);
    }

    @Override
    public Image deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            return (Image) ctxt.handleUnexpectedToken(Image.class, p);
        }
        JsonNode doc = ctxt.readTree(p);
        Image.Builder image = Image.builder();
        JsonNode id = doc.get("id");
        if (id == null || !id.isTextual()) {
            return (Image) ctxt.reportInputMismatch(Image.class, "an image needs a string 'id'");
        }
        image.id(id.asText());
        image.name(text(doc, "name"));
        image.statusRaw(text(doc, "status"));
        image.visibilityRaw(text(doc, "visibility"));
        image.minDisk(value(ctxt, first(doc, "min_disk", "minDisk"), Integer.class));
        image.minRam(value(ctxt, first(doc, "min_ram", "minRam"), Integer.class));
        image.size(value(ctxt, first(doc, "size", "OS-EXT-IMG-SIZE:size"), Long.class));
        image.virtualSize(value(ctxt, doc.get("virtual_size"), Long.class));
        image.createdAt(value(ctxt, first(doc, "created_at", "created"), Instant.class));
        image.updatedAt(value(ctxt, first(doc, "updated_at", "updated"), Instant.class));
        image.checksum(text(doc, "checksum"));
        image.hashAlgo(text(doc, "os_hash_algo"));
        image.hashValue(text(doc, "os_hash_value"));
        image.diskFormat(text(doc, "disk_format"));
        image.containerFormat(text(doc, "container_format"));
        image.owner(text(doc, "owner"));
        image.isProtected(value(ctxt, doc.get("protected"), Boolean.class));
        image.hidden(value(ctxt, doc.get("os_hidden"), Boolean.class));
        image.directUrl(text(doc, "direct_url"));
        image.self(text(doc, "self"));
        image.file(text(doc, "file"));
        image.schema(text(doc, "schema"));
        image.progress(value(ctxt, doc.get("progress"), Integer.class));
        JsonNode tags = doc.get("tags");
        if (present(tags)) {
            image.tags(ctxt.<List<String>>readTreeAsValue(tags, listOf(ctxt, String.class)));
        }
        JsonNode links = doc.get("links");
        if (present(links)) {
            image.links(ctxt.<List<Link>>readTreeAsValue(links, listOf(ctxt, Link.class)));
        }
        if (isNova(doc)) {
            JsonNode metadata = doc.get("metadata");
            if (present(metadata)) {
                putProperties(image, metadata.fields());
            }
        } else {
            putProperties(image, doc.fields());
        }
        return image.build();
    }

    private static boolean isNova(JsonNode doc) {
        for (String key : NOVA_ONLY) {
            if (doc.has(key)) {
                return true;
            }
        }
        return false;
    }

    private static void putProperties(Image.Builder image, Iterator<Map.Entry<String, JsonNode>> fields) {
        fields.forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (!GLANCE_FIELDS.contains(e.getKey()) && present(v)) {
                // Glance's schema makes custom properties strings; other JSON keeps its text.
                image.putProperties(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
    }

    private static JsonNode first(JsonNode doc, String name, String alternative) {
        JsonNode v = doc.get(name);
        return present(v) ? v : doc.get(alternative);
    }

    private static Optional<String> text(JsonNode doc, String name) {
        JsonNode v = doc.get(name);
        return present(v) ? Optional.of(v.asText()) : Optional.empty();
    }

    private static <T> Optional<T> value(DeserializationContext ctxt, JsonNode node, Class<T> type) throws IOException {
        return present(node) ? Optional.ofNullable(ctxt.readTreeAsValue(node, type)) : Optional.empty();
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static JavaType listOf(DeserializationContext ctxt, Class<?> element) {
        return ctxt.getTypeFactory().constructCollectionType(List.class, element);
    }
}
