package dev.novasdk.testkit.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line: defaults, every option in both spellings, and the mistakes that exit with 2. */
class ServerOptionsTest {
    @Test
    void parse_noArguments_givesTheDefaults() {
        ServerOptions o = ServerOptions.parse();
        assertEquals("127.0.0.1", o.host);
        assertEquals(5000, o.port);
        assertNull(o.seed);
        assertTrue(o.realtime);
        assertEquals(Duration.ofSeconds(1), o.step);
        assertEquals("2.93", o.maxMicroversion);
        assertNull(o.writeConfig);
        assertFalse(o.help);
    }

    @Test
    void parse_everyOption_separateAndWithEquals() {
        ServerOptions o = ServerOptions.parse(
                "--port",
                "0",
                "--host=0.0.0.0",
                "--seed",
                "seed.yaml",
                "--clock=manual",
                "--step",
                "500ms",
                "--max-microversion",
                "2.60",
                "--write-config=out");
        assertEquals(0, o.port);
        assertEquals("0.0.0.0", o.host);
        assertEquals(Path.of("seed.yaml"), o.seed);
        assertFalse(o.realtime);
        assertEquals(Duration.ofMillis(500), o.step);
        assertEquals("2.60", o.maxMicroversion);
        assertEquals(Path.of("out"), o.writeConfig);
        assertTrue(ServerOptions.parse("--help").help);
        assertTrue(ServerOptions.parse("-h").help);
    }

    @Test
    void duration_acceptsUnitsBareSecondsAndIso() {
        assertEquals(Duration.ofSeconds(2), ServerOptions.duration("2s"));
        assertEquals(Duration.ofMillis(1500), ServerOptions.duration("1.5s"));
        assertEquals(Duration.ofMillis(250), ServerOptions.duration("250ms"));
        assertEquals(Duration.ofMinutes(2), ServerOptions.duration("2m"));
        assertEquals(Duration.ofHours(1), ServerOptions.duration("1h"));
        assertEquals(Duration.ofSeconds(3), ServerOptions.duration("3"));
        assertEquals(Duration.ZERO, ServerOptions.duration("0"));
        assertEquals(Duration.ofSeconds(4), ServerOptions.duration("PT4S"));
    }

    @Test
    void parse_mistakes_nameTheOption() {
        assertMistake("--port must be a number within 0-65535, got 'abc'", "--port", "abc");
        assertMistake("--port must be a number within 0-65535, got '70000'", "--port", "70000");
        assertMistake("--clock must be realtime or manual, got 'fast'", "--clock", "fast");
        assertMistake("--step must be a duration such as 1s, 500ms or 2m, got '-1s'", "--step", "-1s");
        assertMistake("--max-microversion must look like 2.NN, got '3.0'", "--max-microversion", "3.0");
        assertMistake("--seed needs a value", "--seed");
        assertMistake("unknown option --verbose", "--verbose", "x");
        assertMistake("unknown option --bogus", "--bogus");
        assertMistake("unexpected argument 'serve'", "serve");
        assertMistake("--host must not be empty", "--host", " ");
    }

    @Test
    void run_withAMistake_printsTheUsageAndReturns2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FakeCloudServer.run(new String[] {"--port", "x"}, print(out), print(err));
        assertEquals(2, status);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("fakecloud: --port must be"), text);
        assertTrue(text.contains("usage: java -jar fakecloud-server.jar"), text);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_withAMicroversionOutsideTheModel_returns2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FakeCloudServer.run(
                new String[] {"--port", "0", "--max-microversion", "2.99"},
                print(new ByteArrayOutputStream()),
                print(err));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("2.1-2.93"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_help_printsTheUsageAndReturns0() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, FakeCloudServer.run(new String[] {"--help"}, print(out), print(new ByteArrayOutputStream())));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--write-config DIR"));
    }

    private static void assertMistake(String message, String... args) {
        ServerOptions.UsageException e =
                assertThrows(ServerOptions.UsageException.class, () -> ServerOptions.parse(args));
        assertEquals(message, e.getMessage());
    }

    static PrintStream print(ByteArrayOutputStream sink) {
        return new PrintStream(sink, true, StandardCharsets.UTF_8);
    }
}
