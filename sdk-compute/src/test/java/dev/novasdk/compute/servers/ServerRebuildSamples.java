package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Builds a {@link ServerRebuild} holding every member of a sample's {@code rebuild} body, through the builder. */
final class ServerRebuildSamples {
    private ServerRebuildSamples() {}

    /** The request a sample's {@code rebuild} member describes; fails on a member the builder has no setter for. */
    static ServerRebuild fromSample(JsonNode rebuild) {
        ServerRebuild.Builder b = ServerRebuild.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = rebuild.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "imageRef":
                    b.imageId(v.asText());
                    break;
                case "name":
                    b.name(v.asText());
                    break;
                case "adminPass":
                    b.adminPassword(v.asText());
                    break;
                case "metadata": {
                    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
                    v.fields()
                            .forEachRemaining(
                                    kv -> m.put(kv.getKey(), kv.getValue().asText()));
                    b.metadata(m);
                    break;
                }
                case "personality":
                    v.forEach(p -> b.addPersonality(Personality.ofBase64(
                            p.get("path").asText(), p.get("contents").asText())));
                    break;
                case "preserve_ephemeral":
                    b.preserveEphemeral(v.asBoolean());
                    break;
                case "description":
                    b.description(v.asText());
                    break;
                case "key_name":
                    if (v.isNull()) {
                        b.removeKeyName(true);
                    } else {
                        b.keyName(v.asText());
                    }
                    break;
                case "user_data":
                    if (v.isNull()) {
                        b.removeUserData(true);
                    } else {
                        b.userDataBase64(v.asText());
                    }
                    break;
                case "trusted_image_certificates":
                    v.forEach(c -> b.addTrustedImageCertificates(c.asText()));
                    break;
                case "hostname":
                    b.hostname(v.asText());
                    break;
                case "accessIPv4":
                    b.accessIpv4(v.asText());
                    break;
                case "accessIPv6":
                    b.accessIpv6(v.asText());
                    break;
                case "OS-DCF:diskConfig":
                    b.diskConfig(DiskConfig.fromValue(v.asText()));
                    break;
                default:
                    throw new AssertionError("rebuild sample member without a builder setter: " + e.getKey());
            }
        }
        return b.build();
    }
}
