package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The operator commands of {@link NovaCli} against the embedded FakeCloud (its admin user). */
class OperatorCommandsTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int cli(String... args) {
        outBytes.reset();
        errBytes.reset();
        return NovaCli.run(
                args,
                new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8),
                Optional::empty);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void hypervisorAndServiceCommands_showTheFakeHost() {
        assertEquals(0, cli("hypervisor-list"), errBytes.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("| up "), out());
        assertEquals(0, cli("hypervisor-show", "fakecloud"), errBytes.toString(StandardCharsets.UTF_8));
        assertTrue(out().contains("| hypervisor_hostname | fakecloud"), out());
        assertEquals(0, cli("service-list", "--binary", "nova-compute"));
        assertTrue(out().contains("nova-compute") && !out().contains("nova-conductor"), out());
        assertEquals(0, cli("service-disable", "--reason", "maint", "fakecloud", "nova-compute"));
        assertTrue(out().contains("| disabled ") && out().contains("maint"), out());
        assertEquals(0, cli("service-enable", "fakecloud", "nova-compute"));
        assertTrue(out().contains("| enabled "), out());
    }

    @Test
    void aggregateMigrationUsageAndFlavorCommands_run() {
        assertEquals(0, cli("aggregate-create", "agg1"));
        assertTrue(out().contains("agg1"), out());
        assertEquals(0, cli("aggregate-list"));
        assertEquals(0, cli("migration-list"));
        assertTrue(out().contains("Instance UUID"), out());
        assertEquals(0, cli("usage-list", "--days", "1"));
        assertEquals(0, cli("flavor-key", "m1.tiny", "set", "hw:cpu_policy=shared"));
        assertTrue(out().contains("hw:cpu_policy") && out().contains("shared"), out());
        assertEquals(1, cli("flavor-access-list", "m1.tiny"), "a public flavor has no access list");
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("Access list not available for public flavors."));
    }

    @Test
    void badUsage_exitsTwo() {
        assertEquals(2, cli("hypervisor-show"));
        assertEquals(2, cli("service-disable", "host-only"));
        assertEquals(2, cli("usage-list", "--days", "x"));
        assertEquals(2, cli("flavor-key", "m1.tiny", "set", "novalue"));
    }
}
