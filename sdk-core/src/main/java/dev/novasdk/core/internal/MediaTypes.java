package dev.novasdk.core.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reading {@code Content-Type} values.
 */
public final class MediaTypes {
    private MediaTypes() {}

    /** The charset a {@code Content-Type} value names; UTF-8 when it is absent, names none, or an unknown one. */
    public static Charset charset(String contentType) {
        if (contentType != null) {
            String v = contentType.toLowerCase(Locale.ROOT);
            int i = v.indexOf("charset=");
            if (i >= 0) {
                String name = v.substring(i + 8).split("[;,\\s]", 2)[0].replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (RuntimeException unknownCharset) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
