package dev.novasdk.compute.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** Nova's schema of flavor extra spec keys and values, checked before sending. Not API. */
final class ExtraSpecRules {
    private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");

    private ExtraSpecRules() {}

    static String key(String key) {
        Objects.requireNonNull(key, "extra spec key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("extra spec key '" + key
                    + "' must be 1 to 255 characters of letters, digits and -_:. (Nova's '^[a-zA-Z0-9-_:. ]{1,255}$')");
        }
        return key;
    }

    static String value(String key, String value) {
        Objects.requireNonNull(value, "extra spec value of '" + key + "'");
        if (value.length() > 255) {
            throw new IllegalArgumentException(
                    "extra spec value of '" + key + "' must be at most 255 characters, got " + value.length());
        }
        return value;
    }
}
