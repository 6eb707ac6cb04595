package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.identity.CloudConfig;
import dev.novasdk.testkit.FakeCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sub-resource commands of the command line ({@code meta}, {@code server-tag-*}, {@code interface-list},
 * {@code volume-attachments}, {@code diagnostics}, {@code get-password}, {@code clear-password},
 * {@code server-migration-list}) against one FakeCloud that keeps its state between commands.
 */
class SubResourceCommandsTest {
    private final FakeCloud cloud = FakeCloud.builder().instantBoot(true).start();
    private final CloudConfig config = CloudConfig.builder()
            .environment(cloud.osEnvironment())
            .searchPaths(List.of())
            .build();
    private ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        cloud.close();
    }

    private int cli(String... args) {
        outBytes = new ByteArrayOutputStream();
        errBytes = new ByteArrayOutputStream();
        return NovaCli.run(
                args,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                () -> Optional.of(config));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void metaAndTags_changeTheServerAsShown() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());
        assertEquals(0, cli("meta", "vm1", "set", "role=web", "tier=front"), err());
        assertEquals(0, cli("meta", "vm1", "delete", "tier"), err());
        assertEquals(0, cli("show", "vm1"), err());
        assertTrue(out().contains("role=web"), out());
        assertFalse(out().contains("tier=front"), out());

        assertEquals(0, cli("server-tag-set", "vm1", "b", "a"), err());
        assertEquals(0, cli("server-tag-add", "vm1", "c"), err());
        assertEquals(0, cli("server-tag-delete", "vm1", "b"), err());
        assertEquals(0, cli("server-tag-list", "vm1"), err());
        assertTrue(out().contains("| a   |") && out().contains("| c   |") && !out().contains("| b   |"), out());
        assertEquals(0, cli("server-tag-delete-all", "vm1"), err());
        assertEquals(0, cli("server-tag-list", "vm1"), err());
        assertFalse(out().contains("| a"), out());
        assertEquals(1, cli("server-tag-delete", "vm1", "nope"));
        assertTrue(err().contains("has no tag 'nope'"), err());
    }

    @Test
    void readOnlyCommands_printTables() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());
        assertEquals(0, cli("diagnostics", "vm1"), err());
        assertTrue(out().contains("| state ") && out().contains("running"), out());
        assertEquals(0, cli("interface-list", "vm1"), err());
        assertTrue(out().contains("Port State"), out());
        assertEquals(0, cli("volume-attachments", "vm1"), err());
        assertTrue(out().contains("DELETE ON TERMINATION"), out());
        assertEquals(0, cli("server-migration-list", "vm1"), err());
        assertTrue(out().contains("Server UUID"), out());
        assertEquals(0, cli("get-password", "vm1"), err());
        assertEquals("", out().trim());
        assertEquals(0, cli("clear-password", "vm1"), err());
    }

    @Test
    void badUsage_exitsTwoBeforeConnecting() {
        assertEquals(2, cli("meta", "vm1", "set"));
        assertEquals(2, cli("meta", "vm1", "frob", "k"));
        assertEquals(2, cli("meta", "vm1", "set", "novalue"));
        assertEquals(2, cli("server-tag-add", "vm1"));
        assertEquals(2, cli("diagnostics"));
        assertTrue(err().contains("usage: nova-cli"), err());
    }
}
