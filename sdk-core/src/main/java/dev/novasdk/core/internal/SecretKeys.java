package dev.novasdk.core.internal;

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

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        int n = suffix.length();
        return s.length() >= n && s.regionMatches(true, s.length() - n, suffix, 0, n);
    }
}
