package dev.novasdk.testkit;

import static dev.novasdk.testkit.Http.json;
import static dev.novasdk.testkit.Http.nova;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * FakeCloud's server sub-resources against the statuses, bodies and messages recorded from the lab (a server
 * booted with {@code --nic none}, at 2.93 unless a test says otherwise), and the small model it keeps for what
 * the lab cannot do without Cinder and Neutron (volume and interface attachments, security groups).
 */
class ServerSubResourcesTest {
    private final FakeCloud cloud = FakeCloud.builder()
            .instantBoot(true)
            .user("member", "member-pw", "member-project", false)
            .start();
    private final String token = Http.token(cloud);
    private final String id = Http.createServer(cloud, token, "sub1");
    private final String path = "/servers/" + id;

    @AfterEach
    void close() {
        cloud.close();
    }

    private HttpResponse<String> call(String method, String sub, String version, String body) {
        return nova(cloud, token, method, path + sub, version, body);
    }

    private static void is(int status, String body, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        if (body != null) {
            assertEquals(tree(body), r.body().isEmpty() ? null : json(r));
        }
    }

    private static JsonNode tree(String json) {
        try {
            return Http.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String fault(String name, int code, String message) {
        return "{\"" + name + "\": {\"code\": " + code + ", \"message\": \"" + message.replace("\"", "\\\"") + "\"}}";
    }

    @Test
    void metadata_roundTripAndTheLabsErrors() {
        is(200, "{\"metadata\": {}}", call("GET", "/metadata", "2.93", null));
        is(
                200,
                "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}",
                call("POST", "/metadata", "2.93", "{\"metadata\": {\"a\": \"1\", \"b\": \"2\"}}"));
        is(200, "{\"metadata\": {\"c\": \"3\"}}", call("PUT", "/metadata", "2.93", "{\"metadata\": {\"c\": \"3\"}}"));
        is(200, "{\"meta\": {\"d\": \"4\"}}", call("PUT", "/metadata/d", "2.93", "{\"meta\": {\"d\": \"4\"}}"));
        is(200, "{\"meta\": {\"d\": \"4\"}}", call("GET", "/metadata/d", "2.93", null));
        is(404, fault("itemNotFound", 404, "Metadata item was not found"), call("GET", "/metadata/zz", "2.93", null));
        is(204, null, call("DELETE", "/metadata/d", "2.93", null));
        is(404, fault("itemNotFound", 404, "Metadata item was not found"), call("DELETE", "/metadata/d", "2.93", null));
        is(
                400,
                fault("badRequest", 400, "Request body and URI mismatch"),
                call("PUT", "/metadata/d", "2.93", "{\"meta\": {\"e\": \"4\"}}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute meta. Value: {'d': '4', 'e': '5'}. "
                                + "{'d': '4', 'e': '5'} has too many properties"),
                call("PUT", "/metadata/d", "2.93", "{\"meta\": {\"d\": \"4\", \"e\": \"5\"}}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute metadata. Value: {'': '3'}. '' does not "
                                + "match any of the regexes: '^[a-zA-Z0-9-_:. ]{1,255}$'"),
                call("PUT", "/metadata", "2.93", "{\"metadata\": {\"\": \"3\"}}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute c. Value: None. None is not of type 'string'"),
                call("POST", "/metadata", "2.93", "{\"metadata\": {\"c\": null}}"));
        is(
                400,
                fault("badRequest", 400, "'metadata' is a required property"),
                call("POST", "/metadata", "2.93", "{\"meta\": {\"c\": \"3\"}}"));
        StringBuilder many = new StringBuilder("{\"metadata\": {");
        for (int i = 0; i < 129; i++) {
            many.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"v\"");
        }
        is(
                403,
                fault("forbidden", 403, "Maximum number of metadata items exceeds 128"),
                call("PUT", "/metadata", "2.93", many.append("}}").toString()));
        is(200, "{\"metadata\": {\"c\": \"3\"}}", call("GET", "/metadata", "2.93", null));
        JsonNode server = json(call("GET", "", "2.93", null)).get("server");
        assertEquals(tree("{\"c\": \"3\"}"), server.get("metadata"), "the server document shows the same");
    }

    @Test
    void tags_roundTripAndTheLabsErrors() {
        is(404, fault("itemNotFound", 404, "The resource could not be found."), call("GET", "/tags", "2.25", null));
        is(200, "{\"tags\": []}", call("GET", "/tags", "2.93", null));
        is(200, "{\"tags\": [\"t1\", \"t2\"]}", call("PUT", "/tags", "2.93", "{\"tags\": [\"t1\", \"t2\"]}"));
        HttpResponse<String> added = call("PUT", "/tags/t3", "2.93", null);
        is(201, null, added);
        assertEquals(
                cloud.computeEndpoint() + path + "/tags/t3",
                added.headers().firstValue("Location").orElseThrow());
        is(204, null, call("PUT", "/tags/t3", "2.93", null));
        is(204, null, call("GET", "/tags/t3", "2.93", null));
        is(404, fault("itemNotFound", 404, "Server " + id + " has no tag 't9'"), call("GET", "/tags/t9", "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "Instance " + id + " has no tag 't9'"),
                call("DELETE", "/tags/t9", "2.93", null));
        is(204, null, call("DELETE", "/tags/t3", "2.93", null));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute 0. Value: a,b. 'a,b' does not match '^[^,/]*$'"),
                call("PUT", "/tags", "2.93", "{\"tags\": [\"a,b\"]}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Tag 'a,b' is invalid. It must be a non empty string without characters '/' "
                                + "and ','. Validation error message: 'a,b' does not match '^[^,/]*$'"),
                call("PUT", "/tags/a,b", "2.93", null));
        is(
                400,
                fault("badRequest", 400, "Invalid input for field/attribute 0. Value: . '' is too short"),
                call("PUT", "/tags", "2.93", "{\"tags\": [\"\"]}"));
        is(200, "{\"tags\": [\"dup\"]}", call("PUT", "/tags", "2.93", "{\"tags\": [\"dup\", \"dup\"]}"));
        is(
                200,
                "{\"tags\": [\"a\", \"b\", \"prod\", \"web\"]}",
                call("PUT", "/tags", "2.93", "{\"tags\": [\"web\", \"prod\", \"web\", \"b\", \"a\"]}"));
        is(201, null, call("PUT", "/tags/aaa", "2.93", null));
        is(200, "{\"tags\": [\"a\", \"aaa\", \"b\", \"prod\", \"web\"]}", call("GET", "/tags", "2.93", null));
        assertEquals(
                tree("[\"a\", \"aaa\", \"b\", \"prod\", \"web\"]"),
                json(call("GET", "", "2.93", null)).get("server").get("tags"),
                "the server document lists them so too");
        is(
                200,
                "{\"tags\": [\"a\", \"b\", \"prod\", \"web\"]}",
                call("PUT", "/tags", "2.93", "{\"tags\": [\"web\", \"prod\", \"web\", \"b\", \"a\"]}"));
        is(201, null, call("PUT", "/tags/aaa", "2.93", null));
        is(200, "{\"tags\": [\"a\", \"aaa\", \"b\", \"prod\", \"web\"]}", call("GET", "/tags", "2.93", null));
        assertEquals(
                tree("[\"a\", \"aaa\", \"b\", \"prod\", \"web\"]"),
                json(call("GET", "", "2.93", null)).get("server").get("tags"));
        List<String> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add("\"t" + i + "\"");
        }
        is(200, null, call("PUT", "/tags", "2.93", "{\"tags\": [" + String.join(", ", fifty) + "]}"));
        is(
                400,
                fault("badRequest", 400, "The number of tags exceeded the per-server limit 50"),
                call("PUT", "/tags/extra", "2.93", null));
        HttpResponse<String> tooMany =
                call("PUT", "/tags", "2.93", "{\"tags\": [" + String.join(", ", fifty) + ", \"t50\"]}");
        is(400, null, tooMany);
        assertTrue(
                json(tooMany).get("badRequest").get("message").asText().endsWith("'t50'] is too long"), tooMany.body());
        is(204, null, call("DELETE", "/tags", "2.93", null));
        is(204, null, call("DELETE", "/tags", "2.93", null));
        is(200, "{\"tags\": []}", call("GET", "/tags", "2.93", null));
    }

    @Test
    void ipsPasswordTopology_asTheLabAnswersForAServerWithoutNetworks() {
        is(200, "{\"addresses\": {}}", call("GET", "/ips", "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "Instance is not a member of specified network"),
                call("GET", "/ips/private", "2.93", null));
        is(200, "{\"password\": \"\"}", call("GET", "/os-server-password", "2.93", null));
        is(204, null, call("DELETE", "/os-server-password", "2.93", null));
        is(200, "{\"nodes\": [], \"pagesize_kb\": null}", call("GET", "/topology", "2.93", null));
        is(404, fault("itemNotFound", 404, "The resource could not be found."), call("GET", "/topology", "2.77", null));
        is(
                404,
                fault("itemNotFound", 404, "Instance nope could not be found."),
                nova(cloud, token, "GET", "/servers/nope/metadata", "2.93", null));
    }

    @Test
    void diagnostics_fakeDriversFiguresByVersion_adminOnly() {
        HttpResponse<String> legacy = call("GET", "/diagnostics", "2.47", null);
        is(200, null, legacy);
        assertEquals(17300000000L, json(legacy).get("cpu0_time").asLong());
        assertEquals(15, json(legacy).size());
        HttpResponse<String> typed = call("GET", "/diagnostics", "2.93", null);
        is(200, null, typed);
        assertEquals("running", json(typed).get("state").asText());
        assertEquals(46664, json(typed).get("uptime").asInt());
        String demo = Http.token(cloud, "member", "member-pw", "member-project");
        String demoServer = Http.createServer(cloud, demo, "d1");
        is(
                403,
                fault("forbidden", 403, "Policy doesn't allow os_compute_api:os-server-diagnostics to be performed."),
                nova(cloud, demo, "GET", "/servers/" + demoServer + "/diagnostics", "2.93", null));
    }

    @Test
    void migrations_noneInProgress_asOnTheLab() {
        is(200, "{\"migrations\": []}", call("GET", "/migrations", "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "The resource could not be found."),
                call("GET", "/migrations", "2.22", null));
        is(
                404,
                fault("itemNotFound", 404, "In-progress live migration 1 is not found for server " + id + "."),
                call("GET", "/migrations/1", "2.93", null));
        is(
                409,
                fault("conflictingRequest", 409, "Instance " + id + " is in an invalid state for 'force_complete'"),
                call("POST", "/migrations/1/action", "2.93", "{\"force_complete\": null}"));
        is(
                409,
                fault(
                        "conflictingRequest",
                        409,
                        "Instance " + id + " is in an invalid state for 'abort live migration'"),
                call("DELETE", "/migrations/1", "2.93", null));
        String demo = Http.token(cloud, "member", "member-pw", "member-project");
        String demoServer = Http.createServer(cloud, demo, "d1");
        is(
                403,
                fault(
                        "forbidden",
                        403,
                        "Policy doesn't allow os_compute_api:servers:migrations:index to be performed."),
                nova(cloud, demo, "GET", "/servers/" + demoServer + "/migrations", "2.93", null));
    }

    @Test
    void securityGroups_defaultGroupAddedAndRemoved_unknownGroupAsTheLabWordsIt() {
        is(200, "{\"security_groups\": []}", call("GET", "/os-security-groups", "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "Security group nosuch is not found for project " + cloud.projectId()),
                call("POST", "/action", "2.93", "{\"addSecurityGroup\": {\"name\": \"nosuch\"}}"));
        is(202, null, call("POST", "/action", "2.93", "{\"addSecurityGroup\": {\"name\": \"default\"}}"));
        JsonNode groups = json(call("GET", "/os-security-groups", "2.93", null)).get("security_groups");
        assertEquals(1, groups.size());
        assertEquals("default", groups.get(0).get("name").asText());
        assertEquals(cloud.projectId(), groups.get(0).get("tenant_id").asText());
        is(202, null, call("POST", "/action", "2.93", "{\"removeSecurityGroup\": {\"name\": \"default\"}}"));
        is(400, null, call("POST", "/action", "2.93", "{\"removeSecurityGroup\": {\"name\": \"default\"}}"));
        is(200, "{\"security_groups\": []}", call("GET", "/os-security-groups", "2.93", null));
    }

    @Test
    void volumeAttachments_modelByVersion_pagingAndTheLabsMessages() {
        String vol = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113";
        String other = "227cc671-f30b-4488-96fd-7d0bf13648d8";
        is(200, "{\"volumeAttachments\": []}", call("GET", "/os-volume_attachments", "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "Instance " + id + " is not attached to volume " + vol),
                call("GET", "/os-volume_attachments/" + vol, "2.93", null));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute volumeAttachment. Value: {'volumeId': '"
                                + vol + "', 'delete_on_termination': True}. Additional properties are not allowed "
                                + "('delete_on_termination' was unexpected)"),
                call(
                        "POST",
                        "/os-volume_attachments",
                        "2.48",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + vol + "\", \"delete_on_termination\": true}}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute device. Value: bogus. 'bogus' does not "
                                + "match '(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$'"),
                call(
                        "POST",
                        "/os-volume_attachments",
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + vol + "\", \"device\": \"bogus\"}}"));
        is(
                200,
                "{\"volumeAttachment\": {\"delete_on_termination\": true, \"device\": \"/dev/vdb\", \"id\": \"" + vol
                        + "\", \"serverId\": \"" + id + "\", \"tag\": \"foo\", \"volumeId\": \"" + vol + "\"}}",
                call(
                        "POST",
                        "/os-volume_attachments",
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + vol
                                + "\", \"tag\": \"foo\", \"delete_on_termination\": true}}"));
        is(
                200,
                "{\"volumeAttachment\": {\"device\": \"/dev/vdb\", \"id\": \"" + vol + "\", \"serverId\": \"" + id
                        + "\", \"volumeId\": \"" + vol + "\"}}",
                call("GET", "/os-volume_attachments/" + vol, "2.48", null));
        JsonNode at289 =
                json(call("GET", "/os-volume_attachments/" + vol, "2.89", null)).get("volumeAttachment");
        assertTrue(at289.has("attachment_id") && at289.has("bdm_uuid") && !at289.has("id"), at289.toString());
        is(
                200,
                null,
                call(
                        "POST",
                        "/os-volume_attachments",
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + other + "\"}}"));
        JsonNode page2 = json(call("GET", "/os-volume_attachments?limit=1&offset=1", "2.93", null));
        assertEquals(
                other, page2.get("volumeAttachments").get(0).get("volumeId").asText());
        assertEquals(1, page2.get("volumeAttachments").size());
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for query parameters limit. Value: x. 'x' does not match '^[0-9]*$'"),
                call("GET", "/os-volume_attachments?limit=x", "2.93", null));
        is(
                202,
                null,
                call(
                        "PUT",
                        "/os-volume_attachments/" + vol,
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + vol + "\", \"delete_on_termination\": false}}"));
        JsonNode server = json(call("GET", "", "2.93", null)).get("server");
        assertEquals(2, server.get("os-extended-volumes:volumes_attached").size(), server.toString());
        is(202, null, call("DELETE", "/os-volume_attachments/" + other, "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "No volume Block Device Mapping with id " + other + "."),
                call(
                        "PUT",
                        "/os-volume_attachments/" + other,
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + vol + "\"}}"));
        String demo = Http.token(cloud, "member", "member-pw", "member-project");
        String demoServer = Http.createServer(cloud, demo, "d1");
        is(
                403,
                fault(
                        "forbidden",
                        403,
                        "Policy doesn't allow os_compute_api:os-volumes-attachments:swap to be performed."),
                nova(
                        cloud,
                        demo,
                        "PUT",
                        "/servers/" + demoServer + "/os-volume_attachments/" + vol,
                        "2.93",
                        "{\"volumeAttachment\": {\"volumeId\": \"" + other + "\"}}"));
    }

    @Test
    void interfaceAttachments_modelAndTheLabsMessages() {
        String net = "3cb9bc59-5699-4588-a4b1-b87f96708bc6";
        String port = "ce531f90-199f-48c0-816c-13e38010b442";
        is(200, "{\"interfaceAttachments\": []}", call("GET", "/os-interface", "2.93", null));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "No specific network was requested and none are available for project '" + cloud.projectId()
                                + "'."),
                call("POST", "/os-interface", "2.93", "{\"interfaceAttachment\": {}}"));
        is(
                400,
                fault("badRequest", 400, "Must not input both network_id and port_id"),
                call(
                        "POST",
                        "/os-interface",
                        "2.93",
                        "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\", \"net_id\": \"" + net + "\"}}"));
        is(
                400,
                fault(
                        "badRequest",
                        400,
                        "Invalid input for field/attribute interfaceAttachment. Value: {'port_id': '" + port
                                + "', 'tag': 'x'}. Additional properties are not allowed ('tag' was unexpected)"),
                call(
                        "POST",
                        "/os-interface",
                        "2.48",
                        "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\", \"tag\": \"x\"}}"));
        JsonNode created = json(call(
                        "POST",
                        "/os-interface",
                        "2.93",
                        "{\"interfaceAttachment\": {\"net_id\": \"" + net
                                + "\", \"fixed_ips\": [{\"ip_address\": \"192.168.1.3\"}], \"tag\": \"public\"}}"))
                .get("interfaceAttachment");
        assertEquals(net, created.get("net_id").asText());
        assertEquals(
                "192.168.1.3", created.get("fixed_ips").get(0).get("ip_address").asText());
        assertEquals("public", created.get("tag").asText());
        String newPort = created.get("port_id").asText();
        is(200, "{\"interfaceAttachment\": " + created + "}", call("GET", "/os-interface/" + newPort, "2.93", null));
        assertTrue(!json(call("GET", "/os-interface/" + newPort, "2.69", null))
                .get("interfaceAttachment")
                .has("tag"));
        is(
                200,
                null,
                call("POST", "/os-interface", "2.93", "{\"interfaceAttachment\": {\"port_id\": \"" + port + "\"}}"));
        assertEquals(
                2,
                json(call("GET", "/os-interface", "2.93", null))
                        .get("interfaceAttachments")
                        .size());
        is(202, null, call("DELETE", "/os-interface/" + port, "2.93", null));
        is(202, null, call("DELETE", "/os-interface/" + port, "2.93", null));
        is(
                404,
                fault("itemNotFound", 404, "Port " + port + " could not be found."),
                call("GET", "/os-interface/" + port, "2.93", null));
    }
}
