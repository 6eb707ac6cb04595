package dev.novasdk.core;

import dev.novasdk.core.api.ModuleApiTest;
import java.util.Set;

class PublicApiTest extends ModuleApiTest {
    private static final Set<String> KNOWN_LIBRARY_TYPE_USES = Set.of();

    @Override
    protected Set<String> knownLibraryTypeUses() {
        return KNOWN_LIBRARY_TYPE_USES;
    }
}
