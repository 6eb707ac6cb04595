package dev.novasdk.compute.servers;

import static dev.novasdk.compute.servers.RequestRules.invalid;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.core.http.Microversion;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the fields a server create, update and rebuild share (Nova's {@code create} and
 * {@code update} schemas use the same parameter types for them), so both requests check them alike.
 */
final class ServerFields {
    private static final Microversion HOSTNAME_LABEL = Microversion.of(2, 90);
    private static final Microversion HOSTNAME_FQDN = Microversion.of(2, 94);

    private ServerFields() {}

    static void name(String name) {
        RequestRules.name("name", name);
    }

    static void diskConfig(DiskConfig diskConfig) {
        if (diskConfig == DiskConfig.UNKNOWN) {
            throw invalid("OS-DCF:diskConfig", "must be AUTO or MANUAL");
        }
    }

    static void accessIpv4(String ip) {
        if (!RequestRules.isIpv4(ip)) {
            throw invalid("accessIPv4", "must be an IPv4 address, got '" + ip + "'");
        }
    }

    static void accessIpv6(String ip) {
        if (!RequestRules.isIpv6(ip)) {
            throw invalid("accessIPv6", "must be an IPv6 address, got '" + ip + "'");
        }
    }

    static void description(String description) {
        RequestRules.maxLength("description", description, RequestRules.MAX_STRING);
        RequestRules.printable("description", description);
    }

    static void hostname(String hostname) {
        if (!RequestRules.isHostnameLabel(hostname)) {
            try {
                RequestRules.fqdn("hostname", hostname);
            } catch (IllegalArgumentException e) {
                throw invalid(
                        "hostname",
                        "must be a hostname of 2 to 63 characters from [a-zA-Z0-9-], not starting "
                                + "or ending with '-' (microversion 2.90), or a domain name of 1 to 255 characters from "
                                + "[a-zA-Z0-9-._] (2.94), got '" + hostname + "'");
            }
        }
    }

    /** A hostname label needs 2.90 (create_v290, update_v290); a fully qualified name 2.94 (the _v294 schemas). */
    static VersionRequirement hostnameRequirement(String hostname) {
        return RequestRules.isHostnameLabel(hostname)
                ? VersionRequirement.since("hostname", HOSTNAME_LABEL)
                : VersionRequirement.since("hostname", HOSTNAME_FQDN).withCondition("a fully qualified domain name");
    }

    static void metadata(Map<String, String> metadata) {
        metadata.forEach((key, value) -> {
            RequestRules.metadataKey("metadata", key);
            RequestRules.maxLength("metadata['" + key + "']", value, RequestRules.MAX_STRING);
        });
    }

    static void userData(String base64) {
        RequestRules.base64("user_data", base64);
        if (base64.length() > RequestRules.MAX_USER_DATA_LENGTH) {
            throw invalid(
                    "user_data",
                    "must be at most " + RequestRules.MAX_USER_DATA_LENGTH + " characters once base64-encoded, got "
                            + base64.length());
        }
    }

    static void trustedImageCertificates(List<String> certs) {
        if (certs.size() > RequestRules.MAX_TRUSTED_CERTIFICATES) {
            throw invalid(
                    "trusted_image_certificates",
                    "must hold at most " + RequestRules.MAX_TRUSTED_CERTIFICATES + " ids, got " + certs.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < certs.size(); i++) {
            if (certs.get(i).isEmpty()) {
                throw invalid("trusted_image_certificates[" + i + "]", "must not be empty");
            }
            if (!seen.add(certs.get(i))) {
                throw invalid("trusted_image_certificates[" + i + "]", "repeats an earlier id; ids must be unique");
            }
        }
    }
}
