package dev.novasdk.core.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** sdk-core/FAULTS.md describes every case of the fault matrix, so a new case cannot go undocumented. */
class FaultCaseDocumentationTest {
    @ParameterizedTest
    @EnumSource(FaultCase.class)
    void faultsMd_everyCase_hasARowInTheCaseTable(FaultCase c) throws IOException {
        // Surefire runs in the module directory.
        String doc = Files.readString(Path.of("FAULTS.md"), StandardCharsets.UTF_8);

        assertTrue(doc.contains("\n| " + c.label() + " | "), () -> "FAULTS.md has no row for '" + c.label() + "'");
    }
}
