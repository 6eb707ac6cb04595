package dev.novasdk.compute.servers;

import com.google.common.net.InetAddresses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The client-side facts about request values that Nova's JSON schema states (parameter_types.py, servers.py),
 * shared by the request builders of this package. Messages name the JSON field and the rule, never a value
 * that could be secret.
 */
final class RequestRules {
    static final int MAX_TAG_LENGTH = 60;
    static final int MAX_TAGS = 50;
    static final int MAX_TRUSTED_CERTIFICATES = 50;
    static final int MAX_USER_DATA_LENGTH = 65535;
    static final int MAX_STRING = 255;

    // parameter_types.metadata: the keys Nova accepts.
    private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    // parameter_types.hostname (2.90 to 2.93): an RFC 1123 label.
    private static final Pattern HOSTNAME = Pattern.compile("^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$");
    // parameter_types.fqdn: host, hypervisor_hostname, and hostname from 2.94 on.
    private static final Pattern FQDN = Pattern.compile("^[a-zA-Z0-9-._]*$");
    // servers.py: block_device_mapping(_v2).device_name and block_device_mapping_v2.uuid.
    private static final Pattern DEVICE_NAME = Pattern.compile("^[a-zA-Z0-9._/-]*$");
    private static final Pattern BDM_UUID = Pattern.compile("^[a-zA-Z0-9._-]*$");
    private static final Pattern HEX32 = Pattern.compile("^[0-9a-f]{32}$");

    private RequestRules() {}

    static IllegalArgumentException invalid(String field, String rule) {
        return new IllegalArgumentException(field + " " + rule);
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    static void maxLength(String field, String value, int max) {
        int n = length(value);
        if (n > max) {
            throw invalid(field, "must be at most " + max + " characters, got " + n);
        }
    }

    /**
     * Nova's {@code name} format: 1 to 255 printable characters, not starting or ending with whitespace. Used for
     * server, key pair, security group and availability zone names.
     */
    static void name(String field, String value) {
        if (value.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        maxLength(field, value, MAX_STRING);
        printable(field, value);
        if (isSpace(value.codePointAt(0)) || isSpace(value.codePointBefore(value.length()))) {
            throw invalid(field, "must not start or end with whitespace");
        }
    }

    // Nova rejects control characters and line or paragraph separators (Unicode categories C*, Zl, Zp). Only
    // the unambiguous ones are checked here, so that a newer Unicode table on Nova's side never makes the SDK
    // stricter than Nova.
    static void printable(String field, String value) {
        value.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c)
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                throw invalid(field, "must hold printable characters only, got U+" + String.format("%04X", c));
            }
        });
    }

    private static boolean isSpace(int c) {
        return Character.getType(c) == Character.SPACE_SEPARATOR || Character.isWhitespace(c);
    }

    static void metadataKey(String field, String key) {
        if (!METADATA_KEY.matcher(key).matches()) {
            throw invalid(field, "keys must be 1 to 255 characters from [a-zA-Z0-9-_:. ], got '" + key + "'");
        }
    }

    /** Nova's device tag: 1 to 60 characters, without '/' or ','. */
    static void tag(String field, String tag) {
        if (tag.isEmpty()) {
            throw invalid(field, "must not be empty");
        }
        maxLength(field, tag, MAX_TAG_LENGTH);
        if (tag.indexOf('/') >= 0 || tag.indexOf(',') >= 0) {
            throw invalid(field, "must not contain '/' or ',', got '" + tag + "'");
        }
    }

    static boolean isIpv4(String s) {
        return s.indexOf(':') < 0 && InetAddresses.isInetAddress(s);
    }

    // A colon makes Guava parse it as IPv6, including IPv4-mapped forms it would otherwise report as IPv4.
    static boolean isIpv6(String s) {
        return s.indexOf(':') >= 0 && InetAddresses.isInetAddress(s);
    }

    static void ipAddress(String field, String value) {
        if (!isIpv4(value) && !isIpv6(value)) {
            throw invalid(field, "must be an IPv4 or IPv6 address, got '" + value + "'");
        }
    }

    /** oslo's is_uuid_like, which Nova's "uuid" format uses: 32 hex digits, hyphens, braces and urn: optional. */
    static boolean isUuidLike(String s) {
        String t = s.toLowerCase(java.util.Locale.ROOT);
        t = t.replace("urn:", "")
                .replace("uuid:", "")
                .replace("{", "")
                .replace("}", "")
                .replace("-", "");
        return HEX32.matcher(t).matches();
    }

    static boolean isHostnameLabel(String s) {
        int n = s.length();
        return n >= 2 && n <= 63 && HOSTNAME.matcher(s).matches();
    }

    static void fqdn(String field, String value) {
        if (value.isEmpty()
                || value.length() > MAX_STRING
                || !FQDN.matcher(value).matches()) {
            throw invalid(field, "must be 1 to 255 characters from [a-zA-Z0-9-._], got '" + value + "'");
        }
    }

    static void deviceName(String field, String value) {
        if (value.isEmpty()
                || value.length() > MAX_STRING
                || !DEVICE_NAME.matcher(value).matches()) {
            throw invalid(field, "must be 1 to 255 characters from [a-zA-Z0-9._/-], got '" + value + "'");
        }
    }

    static void bdmUuid(String field, String value) {
        if (value.isEmpty()
                || value.length() > MAX_STRING
                || !BDM_UUID.matcher(value).matches()) {
            throw invalid(field, "must be 1 to 255 characters from [a-zA-Z0-9._-], got '" + value + "'");
        }
    }

    /**
     * Checks base64 text given ready-encoded. Whitespace between groups is tolerated, as Python's decoder
     * (and so Nova) tolerates it; the published personality samples contain such spaces.
     */
    static void base64(String field, String value) {
        String compact = value.replaceAll("[ \\t\\r\\n]", "");
        try {
            Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be base64 text (RFC 4648 alphabet with padding)");
        }
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }
}
