package dev.novasdk.core;

import dev.novasdk.core.api.ModuleApiTest;
import java.util.Set;

class PublicApiTest extends ModuleApiTest {
    // TEMPORARY: removed by the one-path refactoring
    private static final Set<String> KNOWN_LIBRARY_TYPE_USES = Set.of(
            "dev.novasdk.core.json.JsonCodec: public static com.fasterxml.jackson.databind.ObjectMapper defaultMapper()",
            "dev.novasdk.core.json.JsonCodec: public static dev.novasdk.core.json.JsonCodec of(com.fasterxml.jackson.databind.ObjectMapper)",
            "dev.novasdk.core.json.JsonCodec: public <T> T read(byte[], com.fasterxml.jackson.core.type.TypeReference<T>)");

    @Override
    protected Set<String> knownLibraryTypeUses() {
        return KNOWN_LIBRARY_TYPE_USES;
    }
}
