package dev.novasdk.compute.servers;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one encoding of a {@link ServerRebuild}, {@code {"rebuild": {...}}}, and the microversions of its fields
 * (parameters.yaml and Nova's rebuild schemas: base_rebuild, _v219, _v254, _v257, _v263, _v290, _v294). A
 * writer rather than annotations because removing a key pair or user data is an explicit JSON null.
 */
final class ServerRebuildWriter extends MapWriter<ServerRebuild> {
    private static final long serialVersionUID = 1L;
    private static final Microversion V2_19 = Microversion.of(2, 19);
    private static final Microversion V2_54 = Microversion.of(2, 54);
    private static final Microversion V2_56 = Microversion.of(2, 56);
    private static final Microversion V2_57 = Microversion.of(2, 57);
    private static final Microversion V2_63 = Microversion.of(2, 63);

    ServerRebuildWriter() {
        super(ServerRebuild.class);
    }

    @Override
    Object document(ServerRebuild value) {
        return Map.of("rebuild", body(value));
    }

    static Map<String, Object> body(ServerRebuild r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("imageRef", r.imageId());
        r.name().ifPresent(v -> m.put("name", v));
        r.adminPassword().ifPresent(v -> m.put("adminPass", v));
        r.metadata().ifPresent(v -> m.put("metadata", v));
        if (!r.personality().isEmpty()) {
            m.put("personality", r.personality());
        }
        r.preserveEphemeral().ifPresent(v -> m.put("preserve_ephemeral", v));
        r.description().ifPresent(v -> m.put("description", v));
        if (r.removeKeyName()) {
            m.put("key_name", null);
        }
        r.keyName().ifPresent(v -> m.put("key_name", v));
        if (r.removeUserData()) {
            m.put("user_data", null);
        }
        r.userDataBase64().ifPresent(v -> m.put("user_data", v));
        if (!r.trustedImageCertificates().isEmpty()) {
            m.put("trusted_image_certificates", r.trustedImageCertificates());
        }
        r.hostname().ifPresent(v -> m.put("hostname", v));
        r.accessIpv4().ifPresent(v -> m.put("accessIPv4", v));
        r.accessIpv6().ifPresent(v -> m.put("accessIPv6", v));
        r.diskConfig().ifPresent(v -> m.put("OS-DCF:diskConfig", v.name()));
        return m;
    }

    static List<VersionRequirement> versionRequirements(ServerRebuild r) {
        List<VersionRequirement> out = new ArrayList<>();
        if (r.description().isPresent()) {
            out.add(VersionRequirement.since("description", V2_19));
        }
        if (r.keyName().isPresent() || r.removeKeyName()) {
            out.add(VersionRequirement.since("key_name", V2_54));
        }
        if (!r.personality().isEmpty()) {
            out.add(VersionRequirement.until("personality", V2_56));
        }
        if (r.userDataBase64().isPresent() || r.removeUserData()) {
            out.add(VersionRequirement.since("user_data", V2_57));
        }
        if (!r.trustedImageCertificates().isEmpty()) {
            out.add(VersionRequirement.since("trusted_image_certificates", V2_63));
        }
        r.hostname().ifPresent(h -> out.add(ServerFields.hostnameRequirement(h)));
        return List.copyOf(out);
    }
}
