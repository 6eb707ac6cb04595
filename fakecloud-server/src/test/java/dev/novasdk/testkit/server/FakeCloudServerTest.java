package dev.novasdk.testkit.server;

import static dev.novasdk.testkit.server.ServerOptionsTest.print;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running server: what it prints, the files it writes, its admin endpoint and its shutdown path. */
class FakeCloudServerTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenBody(String user, String password, String project) {
        return "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"" + user
                + "\", \"domain\": {\"name\": \"Default\"}, \"password\": \"" + password + "\"}}}, "
                + "\"scope\": {\"project\": {\"name\": \"" + project + "\", \"domain\": {\"name\": \"Default\"}}}}}";
    }

    @Test
    void start_printsCredentialsOpenrcCloudsYamlAndTheReadyLineLast() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeCloudServer server = FakeCloudServer.start(ServerOptions.parse("--port", "0"), print(out));
        try {
            String authUrl = server.cloud().authUrl();
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(FakeCloudServer.READY + " " + authUrl, lines.get(lines.size() - 1));
            String text = String.join("\n", lines);
            assertTrue(text.contains("  user:            admin / secretadmin (project admin, domain Default)"), text);
            assertTrue(text.contains("  user:            demo / secretdemo (project demo, domain Default)"), text);
            assertTrue(text.contains("export OS_AUTH_URL=" + authUrl + "\n"), text);
            assertTrue(text.contains("export OS_PASSWORD=secretadmin\n"), text);
            assertTrue(text.contains("clouds:\n  fakecloud:\n    auth:\n      auth_url: \"" + authUrl + "\"\n"), text);
            assertTrue(text.contains("  fakecloud-demo:\n"), text);
            assertTrue(text.contains("realtime clock, lifecycle step 1s"), text);
            assertTrue(server.cloud().clock().isTicking());
            // the lab's seed: the demo user and the service project exist
            assertEquals(
                    201,
                    send("POST", authUrl + "/auth/tokens", tokenBody("demo", "secretdemo", "demo"))
                            .statusCode());
            assertEquals(
                    201,
                    send("POST", authUrl + "/auth/tokens", tokenBody("nova", "secretservice", "service"))
                            .statusCode());
            assertEquals(
                    200, send("GET", server.cloud().baseUrl() + "/_fake", null).statusCode());
        } finally {
            server.stop();
        }
    }

    @Test
    void stop_closesThePortSaysSoAndReleasesAwaitStop() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeCloudServer server = FakeCloudServer.start(ServerOptions.parse("--port", "0"), print(out));
        String base = server.cloud().baseUrl();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(server::awaitStop);
        assertEquals(200, send("GET", base + "/compute/", null).statusCode());

        server.stop(); // what the shutdown hook runs on SIGTERM and Ctrl-C
        server.stop();

        waiting.get(10, TimeUnit.SECONDS);
        assertThrows(ConnectException.class, () -> send("GET", base + "/compute/", null));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("FakeCloud stopped" + System.lineSeparator()), text);
        assertEquals(1, text.split("FakeCloud stopped", -1).length - 1);
    }

    @Test
    void start_manualClockAndStep_areTheCloudsSettings() throws Exception {
        FakeCloudServer server = FakeCloudServer.start(
                ServerOptions.parse("--port", "0", "--clock", "manual", "--step", "0", "--max-microversion", "2.60"),
                print(new ByteArrayOutputStream()));
        try {
            assertEquals(false, server.cloud().clock().isTicking());
            assertEquals("2.60", server.cloud().maxMicroversion());
        } finally {
            server.stop();
        }
    }

    @Test
    void start_writeConfig_writesOpenrcFilesAndCloudsYaml() throws Exception {
        Path config = dir.resolve("config");
        FakeCloudServer server = FakeCloudServer.start(
                ServerOptions.parse("--port", "0", "--write-config", config.toString()),
                print(new ByteArrayOutputStream()));
        try {
            String authUrl = server.cloud().authUrl();
            String openrc = Files.readString(config.resolve("openrc"));
            assertTrue(openrc.startsWith("export OS_AUTH_URL=" + authUrl + "\nexport OS_USERNAME=admin\n"), openrc);
            assertTrue(openrc.contains("export OS_IDENTITY_API_VERSION=3\n"), openrc);
            assertTrue(Files.readString(config.resolve("openrc-demo")).contains("export OS_USERNAME=demo\n"));
            String yaml = Files.readString(config.resolve("clouds.yaml"));
            assertTrue(yaml.contains("      password: \"secretadmin\"\n"), yaml);
            assertTrue(yaml.contains("  fakecloud-demo:\n"), yaml);
        } finally {
            server.stop();
        }
    }

    @Test
    void start_withACustomSeed_printsItsFirstUser() throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(
                seed, "projects: [{name: p}]\nusers: [{name: \"o'neil\", password: \"a b$\", roles: {p: [admin]}}]\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeCloudServer server =
                FakeCloudServer.start(ServerOptions.parse("--port", "0", "--seed", seed.toString()), print(out));
        try {
            String text = out.toString(StandardCharsets.UTF_8);
            assertTrue(text.contains("export OS_USERNAME='o'\\''neil'\n"), text);
            assertTrue(text.contains("export OS_PASSWORD='a b$'\n"), text);
            assertTrue(!text.contains("fakecloud-demo"), text);
        } finally {
            server.stop();
        }
    }

    @Test
    void run_whenThePortIsTaken_returns1WithTheReason() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = FakeCloudServer.run(
                    new String[] {"--port", String.valueOf(taken.getLocalPort())}, print(out), print(err));
            assertEquals(1, status);
            assertTrue(err.toString(StandardCharsets.UTF_8)
                    .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()));
            assertTrue(!out.toString(StandardCharsets.UTF_8).contains(FakeCloudServer.READY));
        }
    }

    @Test
    void run_withABadSeedFile_returns1WithoutQuotingIt() throws IOException {
        Path seed = dir.resolve("bad.yaml");
        Files.writeString(seed, "users: [{name: u, password: \"hunter2}]\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FakeCloudServer.run(
                new String[] {"--port", "0", "--seed", seed.toString()},
                print(new ByteArrayOutputStream()),
                print(err));
        assertEquals(1, status);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("fakecloud: seed " + seed), text);
        assertTrue(!text.contains("hunter2"), text);
    }
}
