package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cloud's contents from a seed file: the bundled lab seed, custom YAML and JSON files, and their mistakes. */
class SeedFileTest {
    @TempDir
    Path dir;

    @Test
    void labSeed_hasTheLabsProjectsUsersFlavorsImageAndKeypairs() {
        try (FakeCloud cloud = FakeCloud.builder().labSeed().instantBoot(true).start()) {
            assertEquals("admin", cloud.username());
            assertEquals("admin", cloud.projectName());
            String admin = Http.token(cloud);
            String demo = Http.token(cloud, "demo", "secretdemo", "demo");
            Http.token(cloud, "nova", "secretservice", "service");

            List<String> flavors = new ArrayList<>();
            json(nova(cloud, admin, "GET", "/flavors", "2.93", null))
                    .get("flavors")
                    .forEach(f -> flavors.add(
                            f.get("id").asText() + "=" + f.get("name").asText()));
            assertEquals(List.of("1=m1.tiny", "2=m1.small", "3=m1.medium"), flavors);
            JsonNode small =
                    json(nova(cloud, admin, "GET", "/flavors/2", "2.93", null)).get("flavor");
            assertEquals(2048, small.get("ram").asInt());
            assertEquals(20, small.get("disk").asInt());
            JsonNode images = json(Http.send("GET", cloud.imageEndpoint() + "/v2/images", null, "X-Auth-Token", admin))
                    .get("images");
            assertEquals(1, images.size());
            assertEquals("cirros", images.get(0).get("name").asText());
            assertEquals("active", images.get(0).get("status").asText());
            assertEquals(cloud.projectId(), images.get(0).get("owner").asText());
            for (String token : List.of(admin, demo)) {
                assertEquals(
                        200,
                        nova(cloud, token, "GET", "/os-keypairs/lab-key", "2.93", null)
                                .statusCode());
            }
            JsonNode limits = json(nova(cloud, demo, "GET", "/limits", "2.93", null))
                    .get("limits")
                    .get("absolute");
            assertEquals(10, limits.get("maxTotalInstances").asInt());
            assertEquals(51200, limits.get("maxTotalRAMSize").asInt());
            // demo is a member, not an admin: the lab refuses it other tenants' servers
            assertEquals(
                    403,
                    nova(cloud, demo, "GET", "/servers?all_tenants=1", "2.93", null)
                            .statusCode());
        }
    }

    @Test
    void seed_yamlFile_replacesUsersFlavorsImagesKeypairsQuotaAndRegion() throws IOException {
        String publicKey = ComputeService.generateSshKey()[0];
        Path file = write(
                "seed.yaml",
                "region: Lab2\n"
                        + "roles: [operator]\n"
                        + "projects: [{name: ops}, {name: other}]\n"
                        + "users:\n"
                        + "  - {name: alice, password: pw1, roles: {ops: [member, operator]}}\n"
                        + "  - {name: bob, password: pw2, roles: {other: [admin]}}\n"
                        + "flavors: [{id: 42, name: big, ram: 1024, vcpus: 2, disk: 5}]\n"
                        + "images: [{name: debian, owner: other}, {name: broken, status: queued}]\n"
                        + "keypairs: [{name: mine, user: alice, public_key: \"" + publicKey + "\"}]\n"
                        + "quotas: {instances: 1}\n");
        try (FakeCloud cloud = FakeCloud.builder().seed(file).instantBoot(true).start()) {
            assertEquals("alice", cloud.username());
            assertEquals("ops", cloud.projectName());
            assertEquals("Lab2", cloud.regionName());
            String alice = Http.token(cloud);
            assertEquals(
                    "42",
                    json(nova(cloud, alice, "GET", "/flavors", "2.93", null))
                            .get("flavors")
                            .get(0)
                            .get("id")
                            .asText());
            assertEquals(
                    404, nova(cloud, alice, "GET", "/flavors/1", "2.93", null).statusCode());
            JsonNode key = json(nova(cloud, alice, "GET", "/os-keypairs/mine", "2.93", null))
                    .get("keypair");
            assertEquals(publicKey, key.get("public_key").asText());
            assertEquals(
                    ComputeService.fingerprint(publicKey, "ssh"),
                    key.get("fingerprint").asText());

            String boot = "{\"server\": {\"name\": \"s\", \"flavorRef\": \"42\", \"imageRef\": \""
                    + cloud.imageId("debian") + "\", \"networks\": \"none\"}}";
            assertEquals(
                    202, nova(cloud, alice, "POST", "/servers", "2.93", boot).statusCode());
            HttpResponse<String> second = nova(cloud, alice, "POST", "/servers", "2.93", boot);
            assertEquals(403, second.statusCode());
            assertTrue(second.body().contains("Quota exceeded for instances"), second.body());

            String bob = Http.token(cloud, "bob", "pw2", "other");
            assertEquals(
                    200,
                    nova(cloud, bob, "GET", "/servers?all_tenants=1", "2.93", null)
                            .statusCode());
            assertThrows(AssertionError.class, () -> Http.token(cloud, "admin", "secretadmin", "admin"));
        }
    }

    @Test
    void seed_jsonFile_isReadToo() throws IOException {
        Path file = write(
                "seed.json",
                "{\"projects\": [{\"name\": \"p\"}], \"users\": [{\"name\": \"u\", \"password\": \"x\", "
                        + "\"roles\": {\"p\": [\"member\"]}}], \"flavors\": [{\"id\": \"7\", \"name\": \"f\", "
                        + "\"ram\": 64, \"vcpus\": 1}]}");
        try (FakeCloud cloud = FakeCloud.builder().seed(file).start()) {
            String token = Http.token(cloud, "u", "x", "p");
            assertEquals(
                    "f",
                    json(nova(cloud, token, "GET", "/flavors/7", "2.93", null))
                            .get("flavor")
                            .get("name")
                            .asText());
        }
    }

    @Test
    void seed_mistakes_areNamedWithoutQuotingTheFile() throws IOException {
        assertSeedError("users: []\nprojects: [{name: p}]\n", "at least one user");
        assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: hunter2, roles: {q: [member]}}]\n",
                "users[0].roles: no project named 'q'");
        assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: hunter2, roles: {p: [boss]}}]\n",
                "no role named 'boss'");
        assertSeedError("projects: [{name: p}]\nusers: [{name: u}]\n", "users[0].password is required");
        assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: x}]\nflavour: []\n", "unknown key 'flavour'");
        assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: x}]\nflavors: [{id: 1, name: f, ram: -1, vcpus: 1}]\n",
                "flavors[0].ram must be a whole number");
        assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: x}]\nkeypairs: [{name: k, user: nobody}]\n",
                "keypairs[0].user: no user named 'nobody'");
        String message = assertSeedError(
                "projects: [{name: p}]\nusers: [{name: u, password: \"hunter2}]\n", "malformed YAML or JSON at line");
        assertFalse(message.contains("hunter2"), message);
    }

    @Test
    void seed_missingFile_failsBeforeBinding() {
        assertThrows(
                java.io.UncheckedIOException.class, () -> FakeCloud.builder().seed(dir.resolve("none.yaml")));
    }

    private String assertSeedError(String yaml, String expected) throws IOException {
        Path file = write("bad.yaml", yaml);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> FakeCloud.builder().seed(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("seed " + file), e.getMessage());
        return e.getMessage();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
