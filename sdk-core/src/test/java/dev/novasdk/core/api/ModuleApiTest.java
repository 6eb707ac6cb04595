package dev.novasdk.core.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API checks every SDK module runs on its {@code target/classes}: the listing matches the committed
 * {@code api/public-api.txt} ({@code -Dapi.update=true} rewrites it), and no public signature names a Jackson,
 * Guava or HttpClient type. Each module extends this once, as {@code PublicApiTest}.
 */
public abstract class ModuleApiTest {
    private static final Path CLASSES = Path.of("target", "classes");

    /** The library-type uses this module still has, as {@link PublicApi#assertNoLibraryTypes} words them. */
    protected abstract Set<String> knownLibraryTypeUses();

    @Test
    void listing_matchesCommittedFile() throws IOException {
        PublicApi.assertMatchesCommitted(CLASSES, Path.of("api", "public-api.txt"));
    }

    @Test
    void signatures_nameNoJacksonGuavaOrHttpClientType() {
        PublicApi.assertNoLibraryTypes(CLASSES, knownLibraryTypeUses());
    }
}
