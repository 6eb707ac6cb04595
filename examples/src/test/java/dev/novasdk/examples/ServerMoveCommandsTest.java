package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.identity.CloudConfig;
import dev.novasdk.testkit.FakeCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The resize, rebuild, snapshot, migration and console commands of the CLI against one FakeCloud whose steps
 * take no time, so {@code --poll} ends at its first poll and nothing sleeps.
 */
class ServerMoveCommandsTest {
    private final FakeCloud cloud =
            FakeCloud.builder().instantBoot(true).stepDuration(Duration.ZERO).start();
    private ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @AfterEach
    void close() {
        cloud.close();
    }

    private int cli(String... args) {
        outBytes = new ByteArrayOutputStream();
        errBytes = new ByteArrayOutputStream();
        CloudConfig config = CloudConfig.builder()
                .environment(cloud.osEnvironment())
                .searchPaths(List.of())
                .build();
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

    private String status(String server) {
        return cloud.servers().stream()
                .filter(s -> s.name().equals(server))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void resizeConfirmRevertRebuild_pollToTheirEndStates() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());

        assertEquals(0, cli("resize", "--poll", "vm1", "m1.small"), err());
        assertTrue(out().contains("Server resizing... ") && out().contains("Finished"), out());
        assertEquals("VERIFY_RESIZE", status("vm1"));
        assertEquals(0, cli("resize-confirm", "vm1"), err());
        assertEquals("ACTIVE", status("vm1"));

        assertEquals(0, cli("resize", "vm1", "m1.tiny"), err());
        assertEquals(0, cli("resize-revert", "vm1"), err());
        assertEquals(0, cli("show", "vm1"), err());
        assertTrue(out().contains("m1.small"), out());

        assertEquals(
                0,
                cli(
                        "rebuild",
                        "--poll",
                        "--name",
                        "vm2",
                        "--meta",
                        "role=db",
                        "--password",
                        "pw-1234",
                        "vm1",
                        "cirros"),
                err());
        assertTrue(out().contains("Server rebuilding... "), out());
        assertTrue(out().contains("| name                                 | vm2"), out());
        assertTrue(out().contains("role=db"), out());
        assertTrue(out().contains("adminPass: pw-1234"), out());
    }

    @Test
    void imageCreateAndBackup_printTheNewImageAndPollToActive() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());
        assertEquals(0, cli("image-create", "--poll", "--metadata", "k=v", "vm1", "snap"), err());
        assertTrue(out().contains("Finished: image ") && out().contains(" is active"), out());
        assertEquals(0, cli("backup", "vm1", "bak", "daily", "1"), err());
        assertTrue(out().startsWith("Backup image "), out());
        assertEquals(0, cli("image-list"), err());
        assertTrue(out().contains("snap") && out().contains("bak"), out());
    }

    @Test
    void consoleMigrateEvacuate_showNovasAnswers() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());
        assertEquals(1, cli("get-vnc-console", "vm1", "novnc"));
        assertTrue(err().contains("ERROR (ConsoleUnavailableException)"), err());
        assertTrue(err().contains("Unavailable console type novnc."), err());
        assertEquals(0, cli("migrate", "vm1"), err());
        assertEquals(0, cli("live-migration", "vm1"), err());
        assertEquals(1, cli("evacuate", "vm1"));
        assertTrue(err().contains("Compute service of fakecloud is still in use."), err());
    }

    @Test
    void badUsage_exitsTwoBeforeConnecting() {
        assertEquals(2, cli("resize", "vm1"));
        assertEquals(2, cli("backup", "vm1", "b", "daily", "often"));
        assertEquals(2, cli("get-vnc-console", "vm1", "spice-html5"));
        assertEquals(2, cli("console-url", "vm1", "telnet"));
        assertEquals(2, cli("image-create", "--metadata"));
        assertTrue(err().contains("usage: nova-cli"), err());
    }
}
