package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keypair, server group, limits, quota and zone commands of {@link NovaCli}, each on a fresh FakeCloud. */
class ResourceCommandsTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    /** The output with runs of spaces as one, so that assertions do not depend on column widths. */
    private String table() {
        return out().replaceAll(" +", " ");
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private int cli(String... args) {
        return NovaCli.run(args, out, err, Optional::empty);
    }

    @Test
    void keypairAdd_pubKey_importsQuietly_andKeypairListShowsTable(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("id.pub");
        Files.writeString(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMj0nimRSZ6DZzxO85H2oBFb5wNC3PKoRs97Hd6xw97F me\n");
        assertEquals(0, cli("keypair-add", "--pub-key", key.toString(), "deploy"), err());
        assertEquals("", out());
        assertEquals(0, cli("keypair-list"), err());
        assertTrue(table().contains("| Name | Type | Fingerprint |"), out());
    }

    @Test
    void keypairAdd_withoutKey_printsTheGeneratedPrivateKeyOnce() {
        assertEquals(0, cli("keypair-add", "gen"), err());
        assertTrue(out().startsWith("-----BEGIN PRIVATE KEY-----"), out());
    }

    @Test
    void keypairDelete_missing_exitsOneWithNovasMessage() {
        assertEquals(1, cli("keypair-delete", "nope"));
        assertTrue(err().contains("Keypair nope not found for user"), err());
    }

    @Test
    void serverGroupCreate_printsTheGroup_andBadPolicyIsUsage() {
        assertEquals(0, cli("server-group-create", "--rule", "max_server_per_host=2", "web", "anti-affinity"), err());
        assertTrue(table().contains("| web | anti-affinity |"), out());
        assertEquals(2, cli("server-group-create", "web", "bogus"));
        assertTrue(err().contains("policy must be"), err());
        assertEquals(0, cli("server-group-list", "--all-projects", "--limit", "5"), err());
        assertTrue(table().contains("| Id | Name | Policy | Members | Project Id |"), out());
    }

    @Test
    void limitsQuotaShowZones_printTables() {
        assertEquals(0, cli("limits"), err());
        assertTrue(table().contains("| Instances | 0 | 10 |"), out());
        assertEquals(0, cli("quota-show"), err());
        assertTrue(table().contains("| instances | 10 |"), out());
        assertEquals(0, cli("availability-zone-list"), err());
        assertTrue(table().contains("| nova | available |"), out());
        assertEquals(2, cli("limits", "extra"));
    }
}
