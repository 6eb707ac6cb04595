package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flavors, keypairs and limits as the lab's Nova shows them at different microversions. */
class FlavorsAndKeypairsTest {
    private static final String LAB_PUBLIC_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCw0WuwN9qTweEAKTPWF5hknNUaHR9"
            + "+iLlwmRu32WcRC2UoKzyJGmbJfp+9sXYKsfZyipeMHz3RpS0JkpBUBl9HQhVJ5XWRrq6iGu74I22Ff/VflV9y8VEmhBLoR0Jc61fnTylr"
            + "xVYsrkngzISnE2sGKZvwR1HbqhfKAoKrqof/6iruatDJycLW2ldZCDe/k3PPp7mLzRdNW9pYQtPLR62w3Q/sxXimTpZ3P5ZUds9+BL91t83Ij"
            + "6dSiCaH4QXe0cjmGS/FUU0VwlnE8fO81yDoDmY3V9suHgFycLfxWUerPhkJ9P7LGobLJDATmzFQOztP3TyL36HkSdRsAXHakZ25 "
            + "Generated-by-Nova";
    /** What the lab's Nova computed for that key. */
    private static final String LAB_FINGERPRINT = "6b:b9:37:82:38:d9:aa:5a:ea:d9:03:f4:65:9e:00:c3";

    private final FakeCloud cloud = FakeCloud.builder().start();
    private final String token = Http.token(cloud);

    @AfterEach
    void close() {
        cloud.close();
    }

    @Test
    void flavors_swapDescriptionAndExtraSpecsFollowTheMicroversion() {
        JsonNode at21 =
                json(nova(cloud, token, "GET", "/flavors/detail", "2.1", null)).get("flavors");
        assertEquals(3, at21.size());
        assertEquals("", at21.get(0).get("swap").asText());
        assertFalse(at21.get(0).has("description"));
        assertEquals(
                "{\"flavor\": {\"id\": \"1\", \"name\": \"m1.tiny\", \"ram\": 512, \"disk\": 1, \"swap\": 0, "
                        + "\"OS-FLV-EXT-DATA:ephemeral\": 0, \"OS-FLV-DISABLED:disabled\": false, \"vcpus\": 1, "
                        + "\"os-flavor-access:is_public\": true, \"rxtx_factor\": 1.0, \"links\": [{\"rel\": \"self\", \"href\": \""
                        + cloud.computeEndpoint() + "/flavors/1\"}, {\"rel\": \"bookmark\", \"href\": \""
                        + cloud.baseUrl()
                        + "/compute/flavors/1\"}], \"description\": null, \"extra_specs\": {}}}",
                nova(cloud, token, "GET", "/flavors/1", "2.75", null).body());
        JsonNode at255 =
                json(nova(cloud, token, "GET", "/flavors/1", "2.55", null)).get("flavor");
        assertTrue(at255.get("description").isNull());
        assertFalse(at255.has("extra_specs"));
        assertEquals("", at255.get("swap").asText());
        JsonNode summary = json(nova(cloud, token, "GET", "/flavors", "2.55", null))
                .get("flavors")
                .get(0);
        assertEquals(List.of("id", "name", "links", "description"), KeystoneTokenTest.keys(summary));
        assertEquals(
                "{\"extra_specs\": {}}",
                nova(cloud, token, "GET", "/flavors/1/os-extra_specs", "2.93", null)
                        .body());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor 99 could not be found.\"}}",
                nova(cloud, token, "GET", "/flavors/99", "2.93", null).body());
        JsonNode paged = json(nova(cloud, token, "GET", "/flavors?limit=1", "2.93", null));
        assertEquals(
                cloud.computeEndpoint() + "/flavors?limit=1&marker=1",
                paged.get("flavors_links").get(0).get("href").asText());
    }

    @Test
    void flavorCreateAndDelete_areForAdmins() {
        HttpResponse<String> created = nova(
                cloud,
                token,
                "POST",
                "/flavors",
                "2.93",
                "{\"flavor\": {\"name\": \"fc.test\", "
                        + "\"ram\": 256, \"vcpus\": 1, \"disk\": 1, \"swap\": 512, \"description\": \"d\"}}");
        assertEquals(200, created.statusCode());
        JsonNode f = json(created).get("flavor");
        assertEquals(512, f.get("swap").asInt());
        assertEquals("d", f.get("description").asText());
        String id = f.get("id").asText();

        assertEquals(
                "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Flavor with name fc.test already exists.\"}}",
                nova(
                                cloud,
                                token,
                                "POST",
                                "/flavors",
                                "2.93",
                                "{\"flavor\": {\"name\": \"fc.test\", \"ram\": 256, " + "\"vcpus\": 1, \"disk\": 1}}")
                        .body());
        assertEquals(
                "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid input for field/attribute flavor. Value: "
                        + "{'name': 'fc.test2', 'ram': 256, 'vcpus': 1, 'disk': 1, 'description': 'x'}. Additional properties are not "
                        + "allowed ('description' was unexpected)\"}}",
                nova(
                                cloud,
                                token,
                                "POST",
                                "/flavors",
                                "2.54",
                                "{\"flavor\": {\"name\": \"fc.test2\", \"ram\": 256, \"vcpus\": 1, \"disk\": 1, \"description\": \"x\"}}")
                        .body());
        String demo = Http.token(cloud, "demo", "secretdemo", "demo");
        assertEquals(
                "{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow "
                        + "os_compute_api:os-flavor-manage:create to be performed.\"}}",
                nova(
                                cloud,
                                demo,
                                "POST",
                                "/flavors",
                                "2.93",
                                "{\"flavor\": {\"name\": \"fc.x\", \"ram\": 256, \"vcpus\": 1, \"disk\": 1}}")
                        .body());

        assertEquals(
                202,
                nova(cloud, token, "DELETE", "/flavors/" + id, "2.93", null).statusCode());
        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Flavor " + id + " could not be found.\"}}",
                nova(cloud, token, "DELETE", "/flavors/" + id, "2.93", null).body());
    }

    @Test
    void keypairs_fingerprintAndStatusesMatchTheLab() {
        // Every seeded user starts with a lab-key, as in the lab; replace it with the lab's own public key.
        assertEquals(
                204,
                nova(cloud, token, "DELETE", "/os-keypairs/lab-key", "2.93", null)
                        .statusCode());
        HttpResponse<String> created = nova(
                cloud,
                token,
                "POST",
                "/os-keypairs",
                "2.93",
                "{\"keypair\": {\"name\": \"lab-key\", \"public_key\": \"" + LAB_PUBLIC_KEY + "\"}}");
        assertEquals(201, created.statusCode());
        assertEquals(
                "{\"keypair\": {\"type\": \"ssh\", \"name\": \"lab-key\", \"public_key\": \"" + LAB_PUBLIC_KEY
                        + "\", \"fingerprint\": \"" + LAB_FINGERPRINT + "\", \"user_id\": \"" + cloud.userId() + "\"}}",
                created.body());

        JsonNode shown = json(nova(cloud, token, "GET", "/os-keypairs/lab-key", "2.93", null))
                .get("keypair");
        assertEquals(
                List.of(
                        "name",
                        "public_key",
                        "fingerprint",
                        "user_id",
                        "created_at",
                        "deleted",
                        "deleted_at",
                        "id",
                        "updated_at",
                        "type"),
                KeystoneTokenTest.keys(shown));
        JsonNode listed = json(nova(cloud, token, "GET", "/os-keypairs", "2.1", null))
                .get("keypairs")
                .get(0)
                .get("keypair");
        assertEquals(List.of("name", "public_key", "fingerprint"), KeystoneTokenTest.keys(listed));

        assertEquals(
                "{\"itemNotFound\": {\"code\": 404, \"message\": \"Keypair nope not found for user " + cloud.userId()
                        + "\"}}",
                nova(cloud, token, "GET", "/os-keypairs/nope", "2.93", null).body());
        HttpResponse<String> atV21 = nova(
                cloud,
                token,
                "POST",
                "/os-keypairs",
                "2.1",
                "{\"keypair\": {\"name\": \"old\", \"public_key\": \"" + LAB_PUBLIC_KEY + "\"}}");
        assertEquals(200, atV21.statusCode());
        assertFalse(json(atV21).get("keypair").has("type"));
        assertEquals(
                202,
                nova(cloud, token, "DELETE", "/os-keypairs/old", "2.1", null).statusCode());
        assertEquals(
                204,
                nova(cloud, token, "DELETE", "/os-keypairs/lab-key", "2.93", null)
                        .statusCode());
    }

    @Test
    void keypairs_pageFrom235() {
        assertEquals(
                204,
                nova(cloud, token, "DELETE", "/os-keypairs/lab-key", "2.93", null)
                        .statusCode());
        for (String name : List.of("a", "b", "c")) {
            assertEquals(
                    201,
                    nova(
                                    cloud,
                                    token,
                                    "POST",
                                    "/os-keypairs",
                                    "2.93",
                                    "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"" + LAB_PUBLIC_KEY
                                            + "\"}}")
                            .statusCode());
        }

        JsonNode page = json(nova(cloud, token, "GET", "/os-keypairs?limit=2", "2.35", null));
        assertEquals(2, page.get("keypairs").size());
        assertEquals(
                cloud.computeEndpoint() + "/os-keypairs?limit=2&marker=b",
                page.get("keypairs_links").get(0).get("href").asText());
        JsonNode rest = json(nova(cloud, token, "GET", "/os-keypairs?limit=2&marker=b", "2.35", null));
        assertEquals("c", rest.get("keypairs").get(0).get("keypair").get("name").asText());
        JsonNode old = json(nova(cloud, token, "GET", "/os-keypairs?limit=2", "2.34", null));
        assertEquals(3, old.get("keypairs").size());
        assertFalse(old.has("keypairs_links"));
    }

    @Test
    void keypairs_generatedBefore292_returnAPrivateKeyAndBootWorks() {
        HttpResponse<String> r =
                nova(cloud, token, "POST", "/os-keypairs", "2.91", "{\"keypair\": {\"name\": \"gen\"}}");

        assertEquals(201, r.statusCode());
        JsonNode k = json(r).get("keypair");
        assertTrue(k.get("public_key").asText().startsWith("ssh-rsa "));
        assertTrue(k.get("private_key").asText().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(k.get("fingerprint").asText().matches("([0-9a-f]{2}:){15}[0-9a-f]{2}"));
        String body = "{\"server\": {\"name\": \"with-key\", \"flavorRef\": \"1\", \"imageRef\": \""
                + cloud.imageId("cirros") + "\", \"networks\": \"none\", \"key_name\": \"gen\"}}";
        assertEquals(202, nova(cloud, token, "POST", "/servers", "2.93", body).statusCode());
    }

    @Test
    void limits_reportQuotaAndUsagePerMicroversion() {
        Http.createServer(cloud, token, "counted");

        JsonNode at293 = json(nova(cloud, token, "GET", "/limits", "2.93", null))
                .get("limits")
                .get("absolute");
        assertEquals(
                List.of(
                        "maxTotalInstances",
                        "maxTotalCores",
                        "maxTotalRAMSize",
                        "maxServerMeta",
                        "maxTotalKeypairs",
                        "maxServerGroups",
                        "maxServerGroupMembers",
                        "totalRAMUsed",
                        "totalCoresUsed",
                        "totalInstancesUsed",
                        "totalServerGroupsUsed"),
                KeystoneTokenTest.keys(at293));
        assertEquals(1, at293.get("totalInstancesUsed").asInt());
        assertEquals(512, at293.get("totalRAMUsed").asInt());
        JsonNode at21 = json(nova(cloud, token, "GET", "/limits", "2.1", null))
                .get("limits")
                .get("absolute");
        assertEquals(
                List.of(
                        "maxTotalInstances",
                        "maxTotalCores",
                        "maxTotalRAMSize",
                        "maxServerMeta",
                        "maxImageMeta",
                        "maxPersonality",
                        "maxPersonalitySize",
                        "maxTotalKeypairs",
                        "maxServerGroups",
                        "maxServerGroupMembers",
                        "maxTotalFloatingIps",
                        "maxSecurityGroups",
                        "maxSecurityGroupRules",
                        "totalRAMUsed",
                        "totalCoresUsed",
                        "totalInstancesUsed",
                        "totalFloatingIpsUsed",
                        "totalSecurityGroupsUsed",
                        "totalServerGroupsUsed"),
                KeystoneTokenTest.keys(at21));
    }
}
