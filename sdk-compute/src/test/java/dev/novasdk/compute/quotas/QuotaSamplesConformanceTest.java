package dev.novasdk.compute.quotas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.novasdk.compute.Samples;
import dev.novasdk.core.internal.JsonCodec;
import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample of nova's {@code os-quota-sets/} and {@code os-quota-class-sets/} (all microversions): each
 * response parses into {@link QuotaSet} or {@link QuotaSetDetail} and is written back without losing a value,
 * and each request is what {@link QuotaUpdate} writes for the same fields.
 */
class QuotaSamplesConformanceTest {
    private static final ObjectMapper MAPPER = JsonCodec.defaultMapper();
    private static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    static Stream<String> samples() {
        return Stream.concat(
                Samples.list("compute/os-quota-sets", 30).stream(),
                Samples.list("compute/os-quota-class-sets", 9).stream());
    }

    static Stream<String> responses() {
        return samples().filter(f -> f.endsWith("-resp.json"));
    }

    static Stream<String> requests() {
        return samples().filter(f -> f.endsWith("-req.json"));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void read_responseSample_writesEveryValueBack(String resource) {
        JsonNode doc = Samples.tree(MAPPER, resource);
        String key = doc.fieldNames().next();
        Class<?> type = resource.contains("detail") ? QuotaSetDetail.class : QuotaSet.class;
        Object read = CODEC.readEnveloped(Samples.bytes(resource), key, type);
        JsonNode written = MAPPER.valueToTree(read);
        Samples.assertHoldsEverything(MAPPER, doc.get(key), written, resource);
        assertEquals(read, MAPPER.convertValue(written, type), resource + ": read back");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void write_requestSample_isProducedByQuotaUpdate(String resource) throws ReflectiveOperationException {
        JsonNode doc = Samples.tree(MAPPER, resource);
        String key = doc.fieldNames().next();
        QuotaUpdate.Builder b = QuotaUpdate.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.get(key).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            set(b, e.getKey(), e.getValue());
        }
        assertEquals(doc, Samples.tree(CODEC.writeEnveloped(key, b.build())), resource);
    }

    // Sets the builder field of a JSON key: key_pairs -> keyPairs, ram -> ramMb, force "True" -> true.
    private static void set(QuotaUpdate.Builder b, String jsonKey, JsonNode value) throws ReflectiveOperationException {
        if (jsonKey.equals("force")) {
            b.force(Boolean.parseBoolean(value.asText()));
            return;
        }
        StringBuilder name = new StringBuilder();
        for (String part : jsonKey.split("_")) {
            name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        String method = name.toString().equals("ram") ? "ramMb" : name.toString();
        try {
            b.getClass().getMethod(method, int.class).invoke(b, value.intValue());
        } catch (InvocationTargetException e) {
            throw new AssertionError(jsonKey, e.getCause());
        }
    }
}
