package dev.novasdk.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where secrets sit in OpenStack messages: the headers that carry credentials and the JSON member names
 * whose values are secrets. One set of rules, read by the debug log's masking and by {@link Secrets}, which
 * learns the values a client sends so it can scrub them wherever they come back.
 */
public final class SecretKeys {
    // Headers that carry credentials.
    private static final Set<String> SECRET_HEADERS = Set.of(
            "x-auth-token",
            "x-subject-token",
            "x-service-token",
            "authorization",
            "proxy-authorization",
            "cookie",
            "set-cookie",
            "x-auth-key");

    private static final String[] SECRET_HEADER_LIST = SECRET_HEADERS.toArray(new String[0]);

    // JSON keys whose values are secrets wherever they appear, compared in lower case: passwords, nova's
    // adminPass, application credential and OAuth secrets, TOTP passcodes, keypair private keys, the blob of
    // a keystone credential (it holds EC2 secrets), and a server's user data (cloud-init scripts carry
    // passwords and keys; ServerCreate.toString() hides it for the same reason). Keystone's "password"
    // method object and "token" are handled by the readers: only some of what they hold is secret.
    private static final Set<String> SECRET_KEYS = Set.of(
            "password",
            "adminpass",
            "admin_pass",
            "new_password",
            "original_password",
            "secret",
            "passcode",
            "private_key",
            "access_token",
            "refresh_token",
            "id_token",
            "client_secret",
            "blob",
            "user_data");

    private static final String[] SECRET_KEY_LIST = SECRET_KEYS.toArray(new String[0]);

    // Every name a reader takes for a secret (the keys above, the suffixes of isSecretKey, and the readers' own
    // "token" and "password") contains one of these, in lower case. Checked when the class loads, so that a key
    // added above without a fragment fails every test instead of going unlearned.
    private static final byte[][] KEY_FRAGMENTS = {
        ascii("pass"), ascii("secret"), ascii("token"), ascii("private_key"), ascii("blob"), ascii("user_data")
    };

    static {
        List<String> names = new ArrayList<>(SECRET_KEYS);
        names.addAll(List.of("token", "password", "x_password", "x_passwd", "x_secret", "x_token"));
        for (String name : names) {
            if (!mayNameSecret(name.getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("secret key '" + name + "' contains no KEY_FRAGMENTS entry");
            }
        }
    }

    private SecretKeys() {}

    /** Whether the header carries a credential ({@code X-Auth-Token}, {@code X-Subject-Token}, ...). */
    public static boolean isSecretHeader(String name) {
        // Asked for every header of every request and response: compared in place, without a lower-cased copy.
        for (String h : SECRET_HEADER_LIST) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the value of a JSON member with this name is a secret. {@code token} is not listed: it is a
     * secret when it is a string (a console token), but keystone's {@code {"token": {"id": ..}}} object is
     * descended into so that only its {@code id} is a secret.
     */
    public static boolean isSecretKey(String name) {
        // Asked for every member of every JSON body the secret registry reads: compared in place, without a
        // lower-cased copy of the name.
        for (String k : SECRET_KEY_LIST) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return endsWithIgnoreCase(name, "password")
                || endsWithIgnoreCase(name, "passwd")
                || endsWithIgnoreCase(name, "_secret")
                || endsWithIgnoreCase(name, "_token");
    }

    /**
     * Whether a JSON document may have a member whose value is a secret: {@code false} only when no secret key
     * name is spelled in it, ignoring case, and nothing else could spell one (an escape, a non-ASCII byte that
     * a case-insensitive comparison might fold into ASCII). Lets the secret registry skip parsing the bodies
     * of most requests without missing a secret.
     */
    public static boolean mayNameSecret(byte[] json) {
        int n = json.length;
        for (int i = 0; i < n; i++) {
            int b = json[i];
            if (b < 0 || b == '\\') {
                return true;
            }
            int lower = b | 0x20;
            if (lower == 'p' || lower == 's' || lower == 't' || lower == 'b' || lower == 'u') {
                for (byte[] fragment : KEY_FRAGMENTS) {
                    if (startsWithIgnoreCase(json, i, fragment)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWithIgnoreCase(byte[] json, int from, byte[] lowerCaseFragment) {
        if (json.length - from < lowerCaseFragment.length) {
            return false;
        }
        for (int j = 0; j < lowerCaseFragment.length; j++) {
            int b = json[from + j];
            int f = lowerCaseFragment[j];
            // Letters compare with their case bit set; '_' (0x5f) must not match DEL (0x7f), so others compare as is.
            if (f >= 'a' && f <= 'z' ? (b | 0x20) != f : b != f) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        int n = suffix.length();
        return s.length() >= n && s.regionMatches(true, s.length() - n, suffix, 0, n);
    }
}
