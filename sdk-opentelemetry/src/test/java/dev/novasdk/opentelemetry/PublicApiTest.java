package dev.novasdk.opentelemetry;

import dev.novasdk.core.api.ModuleApiTest;
import java.util.Set;

class PublicApiTest extends ModuleApiTest {
    @Override
    protected Set<String> knownLibraryTypeUses() {
        return Set.of();
    }
}
