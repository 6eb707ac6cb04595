package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.identity.CloudConfig;
import dev.novasdk.testkit.FakeClock;
import dev.novasdk.testkit.FakeCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The power and state commands of the nova-like command line, run one after another against one FakeCloud so
 * that each sees what the previous did.
 */
class ServerActionCommandsTest {
    private FakeCloud cloud;
    private CloudConfig config;
    private ByteArrayOutputStream outBytes;
    private ByteArrayOutputStream errBytes;

    @BeforeEach
    void start() {
        cloud = FakeCloud.builder()
                .clock(FakeClock.ticking())
                .instantBoot(true)
                .stepDuration(Duration.ofMillis(10))
                .start();
        config = CloudConfig.builder()
                .environment(cloud.osEnvironment())
                .searchPaths(List.of())
                .build();
    }

    @AfterEach
    void stop() {
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

    private String status(String name) {
        return cloud.servers().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void pauseWithPoll_waitsForPausedAndTheLogShowsIt() {
        assertEquals(0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1"), err());
        assertEquals(0, cli("pause", "--poll", "vm1"), err());
        assertTrue(out().contains("Finished: PAUSED"), out());
        assertEquals("PAUSED", status("vm1"));

        assertEquals(1, cli("suspend", "vm1"));
        assertTrue(
                err().contains("ERROR (ConflictException)") && err().contains("while it is in vm_state paused"), err());

        assertEquals(0, cli("instance-action-list", "vm1"), err());
        assertTrue(out().contains("| pause ") && out().contains("| create "), out());
        Matcher req = Pattern.compile("\\| pause +\\| (req-[0-9a-f-]+)").matcher(out());
        assertTrue(req.find(), out());
        assertEquals(0, cli("instance-action", "vm1", req.group(1)), err());
        assertTrue(out().contains("compute_pause_instance") && out().contains("Success"), out());
    }

    @Test
    void stopStartRebootWithPoll_andTheConsoleLog() {
        assertEquals(
                0, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "--poll", "vm1"), err());
        assertEquals(0, cli("stop", "--poll", "vm1"), err());
        assertTrue(out().contains("Finished: SHUTOFF"), out());
        assertEquals("SHUTOFF", status("vm1"));
        assertEquals(0, cli("start", "--poll", "vm1"), err());
        assertEquals("ACTIVE", status("vm1"));
        assertEquals(0, cli("reboot", "--hard", "--poll", "vm1"), err());
        assertTrue(out().contains("Finished: ACTIVE"), out());
        cli("instance-action-list", "vm1");
        assertTrue(out().contains("| reboot ") && out().contains("| stop ") && out().contains("| start "), out());
        assertEquals(0, cli("console-log", "--length", "1", "vm1"), err());
        assertFalse(out().isBlank(), out());
        assertEquals(2, cli("console-log", "--length", "0", "vm1"));
    }

    @Test
    void lockWithReason_thenUnlock() {
        cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1");
        assertEquals(0, cli("lock", "--reason", "maintenance", "vm1"), err());
        cli("show", "vm1");
        assertTrue(out().matches("(?s).*\\| locked +\\| true .*"), out());
        assertEquals(0, cli("unlock", "vm1"), err());
        cli("show", "vm1");
        assertTrue(out().matches("(?s).*\\| locked +\\| false .*"), out());
    }

    @Test
    void rescueWithPassword_doesNotPrintIt_andSetPasswordTakesTheOption() {
        cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "vm1");
        assertEquals(0, cli("set-password", "--password", "N3wPassw0rd", "vm1"), err());
        assertFalse(out().contains("N3wPassw0rd"), out());
        assertEquals(0, cli("rescue", "--password", "R3scuePass", "--poll", "vm1"), err());
        assertFalse(out().contains("R3scuePass"), out());
        assertEquals("RESCUE", status("vm1"));
    }

    @Test
    void badUsage_exitsTwoBeforeConnecting() {
        assertEquals(2, cli("pause"));
        assertEquals(2, cli("rescue", "vm1", "vm2"));
        assertEquals(2, cli("lock", "--poll", "vm1"));
        assertEquals(2, cli("instance-action-list", "--limit", "0", "vm1"));
        assertEquals(2, cli("instance-action-list", "--changes-since", "yesterday", "vm1"));
        assertEquals(2, cli("instance-action", "vm1"));
        assertTrue(err().contains("usage: nova-cli"), err());
    }
}
