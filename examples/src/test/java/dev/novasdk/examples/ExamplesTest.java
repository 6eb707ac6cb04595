package dev.novasdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The examples run end to end on the embedded FakeCloud (never on a cloud the developer has configured),
 * and the command line answers bad usage with exit code 2 and refusals with exit code 1.
 */
class ExamplesTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private int cli(String... args) {
        return NovaCli.run(args, out, err, Optional::empty);
    }

    @Test
    void bootServerDemo_onFakeCloud_runsTheWholeStoryAndExitsZero() {
        int code = BootServerDemo.run(out, err, Optional.empty());

        assertEquals(0, code, err());
        assertTrue(err().contains("using the embedded FakeCloud"), err());
        assertTrue(
                out().contains(
                                "Refused as expected: Swap drive requested is larger than instance type allows. (HTTP 400, request id req-"),
                out());
        assertTrue(out().contains("ACTIVE task_state=-"), out());
        assertTrue(out().contains("| OS-EXT-STS:vm_state                  | active"), out());
        assertTrue(out().contains("is gone."), out());
    }

    @Test
    void cli_badUsage_printsUsageAndExitsTwo() {
        assertEquals(2, cli());
        assertEquals(2, cli("--frobnicate", "list"));
        assertEquals(2, cli("frobnicate", "vm1"));
        assertEquals(2, cli("reboot", "--soft-ish", "vm1"));
        assertEquals(2, cli("boot", "--image", "cirros", "vm1"));
        assertEquals(2, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--swap", "lots", "vm1"));
        assertEquals(
                2, cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "v4-fixed-ip=10.0.0.1", "vm1"));
        assertEquals(2, cli("show"));
        assertTrue(err().contains("usage: nova-cli"), err());
        assertFalse(err().contains("\tat "), "no stack trace without --debug");
        assertTrue(out().isEmpty(), out());
    }

    @Test
    void cli_refusedRequest_printsTheServiceMessageAndExitsOne() {
        int code = cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "--swap", "100", "test2");

        assertEquals(1, code);
        assertTrue(err().contains("ERROR (BadRequestException): POST "), err());
        assertTrue(err().contains("-> 400 Bad Request [req-"), err());
        assertTrue(err().contains("Swap drive requested is larger than instance type allows."), err());
        assertFalse(err().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void cli_bootListShowDelete_onFakeCloud() {
        assertEquals(0, cli("flavor-list"), err());
        assertTrue(out().contains("m1.tiny"));
        assertEquals(0, cli("image-list"), err());
        assertTrue(out().contains("cirros"));
        assertEquals(
                0,
                cli("boot", "--flavor", "m1.tiny", "--image", "cirros", "--nic", "none", "--meta", "role=web", "vm1"),
                err());
        assertTrue(out().contains("| name                                 | vm1"), out());
        assertTrue(out().contains("role=web"), out());
        assertEquals(1, cli("show", "no-such-server"));
        assertTrue(err().contains("No server with a name or ID of 'no-such-server' exists."), err());
    }

    @Test
    void cli_timing_printsOneLinePerCallWithOperationStatusDurationAndRequestId() {
        assertEquals(0, cli("--timing", "flavor-list"), err());

        assertTrue(out().contains("m1.tiny"), out());
        assertFalse(out().contains("timing:"), "timings go to stderr: " + out());
        assertTrue(
                err().matches("(?s).*timing: identity\\.tokens\\.create POST /v3/auth/tokens 201 [0-9.]+ ms req-.*"),
                err());
        assertTrue(
                err().matches("(?s).*timing: flavors\\.list GET /flavors/detail 200 [0-9.]+ ms req-[0-9a-f-]{36}\n.*"),
                err());
    }

    @Test
    void cli_withoutTiming_printsNoTimings() {
        assertEquals(0, cli("flavor-list"), err());
        assertFalse(err().contains("timing:"), err());
    }

    @Test
    void cli_debug_printsRedactedRequestAndResponseLines() throws Exception {
        // A process of its own: the logging backend reads --debug before the SDK's first logger exists.
        ProcessBuilder pb = new ProcessBuilder(
                        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        NovaCli.class.getName(),
                        "--debug",
                        "flavor-list")
                .redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));

        assertEquals(0, p.exitValue(), stderr);
        assertTrue(new String(stdout, StandardCharsets.UTF_8).contains("m1.tiny"));
        assertTrue(stderr.contains("REQ: curl -g -i -X POST"), stderr);
        assertTrue(stderr.contains("X-Auth-Token: {SHA256}"), stderr);
        assertTrue(stderr.contains("RESP: [200]"), stderr);
        assertFalse(stderr.contains("secretadmin"), "the password must not be logged");
    }
}
