package dev.novasdk.compute.servers.subresources;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.novasdk.compute.ComputeStubs.compute;
import static dev.novasdk.compute.ComputeStubs.stubVersionDocument;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.compute.ComputeStubs;
import dev.novasdk.compute.Samples;
import dev.novasdk.compute.servers.ServerManager;
import dev.novasdk.compute.servers.attachments.FixedIp;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentCreate;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentUpdate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request sample of the server sub-resources in nova's api-samples is what the managers send: each is
 * rebuilt field by field through the public builders (not by Jackson, so a field the SDK cannot set fails
 * here), sent to WireMock at the sample's microversion (capped at the SDK's 2.96; the 2.101 bodies are the
 * same), and the body on the wire must equal the sample exactly.
 */
class SubResourceRequestSamplesTest {
    static final String ID = "fddf0901-8caf-42c9-b496-133c570b171b";
    static final String SERVER = "/v2.1/servers/" + ID;
    static final String ROOT = "compute/doc/api_samples/";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final WireMockExtension wm = ComputeStubs.wireMock();

    static Stream<String> requests() {
        List<String> all = new ArrayList<>();
        for (String dir : List.of(
                "server-metadata",
                "os-server-tags",
                "os-security-groups",
                "server-migrations",
                "os-volume_attachments",
                "os-attach-interfaces")) {
            for (String r : Samples.list(ROOT + dir, 1)) {
                if (r.endsWith("-req.json") || r.endsWith("force_complete.json")) {
                    all.add(r);
                }
            }
        }
        return all.stream();
    }

    @Test
    void requests_coverEveryRequestSample() {
        // 2 metadata, 1 tags, 2 security group actions, 1 force complete, 7 attach + 5 update + 3 delete-flag
        // volume bodies, 5 interface bodies.
        assertEquals(26, requests().count());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void send_requestSample_bodyOnTheWireIsTheSample(String resource) throws Exception {
        String version = version(resource);
        stubVersionDocument(wm, "2.96");
        wm.stubFor(any(anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(responseFor(resource))));
        String sample = new String(Samples.bytes(resource), StandardCharsets.UTF_8);
        JsonNode doc = JSON.readTree(sample);
        try (ComputeClient client = ComputeStubs.client(wm, new ComputeStubs.FakeTime())
                .microversion(version)
                .build()) {
            RequestPatternBuilder expected = send(client.servers(), resource, doc);
            wm.verify(1, compute(expected, version).withRequestBody(equalToJson(sample)));
            wm.verify(1, anyRequestedFor(anyUrl()).withRequestBody(equalToJson(sample)));
        }
    }

    private static RequestPatternBuilder send(ServerManager servers, String resource, JsonNode doc) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        if (resource.contains("server-metadata/")) {
            if (name.equals("server-metadata-all-req.json")) {
                servers.metadata().replace(ID, strings(doc.get("metadata")));
                return putRequestedFor(urlEqualTo(SERVER + "/metadata"));
            }
            Map.Entry<String, String> item =
                    strings(doc.get("meta")).entrySet().iterator().next();
            servers.metadata().set(ID, item.getKey(), item.getValue());
            return putRequestedFor(urlEqualTo(SERVER + "/metadata/" + item.getKey()));
        }
        if (resource.contains("os-server-tags/")) {
            List<String> tags = new ArrayList<>();
            doc.get("tags").forEach(t -> tags.add(t.asText()));
            servers.tags().replace(ID, tags);
            return putRequestedFor(urlEqualTo(SERVER + "/tags"));
        }
        if (resource.contains("os-security-groups/")) {
            if (doc.has("addSecurityGroup")) {
                servers.securityGroups()
                        .add(ID, doc.get("addSecurityGroup").get("name").asText());
            } else {
                servers.securityGroups()
                        .remove(ID, doc.get("removeSecurityGroup").get("name").asText());
            }
            return postRequestedFor(urlEqualTo(SERVER + "/action"));
        }
        if (resource.contains("server-migrations/")) {
            servers.migrations().forceComplete(ID, 1);
            return postRequestedFor(urlEqualTo(SERVER + "/migrations/1/action"));
        }
        if (resource.contains("os-volume_attachments/")) {
            JsonNode v = doc.get("volumeAttachment");
            if (name.startsWith("attach-")) {
                VolumeAttachmentCreate.Builder b = VolumeAttachmentCreate.builder()
                        .volumeId(v.get("volumeId").asText());
                if (v.has("device")) {
                    b.device(v.get("device").asText());
                }
                if (v.has("tag")) {
                    b.tag(v.get("tag").asText());
                }
                if (v.has("delete_on_termination")) {
                    b.deleteOnTermination(v.get("delete_on_termination").asBoolean());
                }
                servers.volumeAttachments().attach(ID, b.build());
                return postRequestedFor(urlEqualTo(SERVER + "/os-volume_attachments"));
            }
            String attached = "a07f71dc-8151-4e7d-a0cc-cd24a3f11113";
            VolumeAttachmentUpdate.Builder b =
                    VolumeAttachmentUpdate.builder().volumeId(v.get("volumeId").asText());
            if (v.has("delete_on_termination")) {
                b.deleteOnTermination(v.get("delete_on_termination").asBoolean());
            }
            if (v.has("id")) {
                b.id(v.get("id").asText());
            }
            if (v.has("serverId")) {
                b.serverId(v.get("serverId").asText());
            }
            if (v.has("device")) {
                b.device(v.get("device").asText());
            }
            if (v.has("tag")) {
                b.tag(v.get("tag").asText());
            }
            servers.volumeAttachments().update(ID, attached, b.build());
            return putRequestedFor(urlEqualTo(SERVER + "/os-volume_attachments/" + attached));
        }
        JsonNode i = doc.get("interfaceAttachment");
        InterfaceAttachmentCreate.Builder b = InterfaceAttachmentCreate.builder();
        if (i.has("port_id")) {
            b.portId(i.get("port_id").asText());
        }
        if (i.has("net_id")) {
            b.netId(i.get("net_id").asText());
        }
        if (i.has("fixed_ips")) {
            i.get("fixed_ips")
                    .forEach(ip -> b.addFixedIps(FixedIp.of(ip.get("ip_address").asText())));
        }
        if (i.has("tag")) {
            b.tag(i.get("tag").asText());
        }
        servers.interfaceAttachments().attach(ID, b.build());
        return postRequestedFor(urlEqualTo(SERVER + "/os-interface"));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    // The sample's microversion directory, capped at what the SDK sends; the operations' minimum otherwise.
    private static String version(String resource) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("/v2\\.(\\d+)/").matcher(resource);
        int minor = m.find() ? Integer.parseInt(m.group(1)) : 1;
        if (resource.contains("os-server-tags/")) {
            minor = Math.max(minor, 26);
        }
        return "2." + Math.min(minor, 96);
    }

    private static String responseFor(String resource) {
        if (resource.contains("server-metadata/")) {
            return "{\"metadata\": {}}";
        }
        if (resource.contains("os-server-tags/")) {
            return "{\"tags\": []}";
        }
        if (resource.contains("os-volume_attachments/")) {
            return "{\"volumeAttachment\": {\"volumeId\": \"v\"}}";
        }
        if (resource.contains("os-attach-interfaces/")) {
            return "{\"interfaceAttachment\": {\"port_id\": \"p\"}}";
        }
        return "";
    }
}
