package dev.novasdk.compute.servers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.immutables.value.Value;

/**
 * A file injected into a server at creation ({@code personality}), with its contents base64-encoded as Nova
 * expects. Personality was removed in microversion 2.57; use user data or the metadata service instead.
 * The contents are left out of {@code toString()}, since injected files often hold credentials.
 */
@Value.Immutable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface Personality {
    /** Where the file goes in the guest, at most 255 bytes of UTF-8. */
    @JsonProperty("path")
    String path();

    /** The contents, base64-encoded ({@code contents}). */
    @JsonProperty("contents")
    @Value.Redacted
    String contentsBase64();

    /** A file holding {@code contents}, which are base64-encoded here. */
    static Personality of(String path, byte[] contents) {
        Objects.requireNonNull(contents, "contents");
        return ofBase64(path, RequestRules.encode(contents));
    }

    /** A file holding {@code text} as UTF-8. */
    static Personality ofText(String path, String text) {
        Objects.requireNonNull(text, "text");
        return ofBase64(path, RequestRules.encode(text));
    }

    /** A file whose contents are already base64-encoded; sent as given. */
    static Personality ofBase64(String path, String contentsBase64) {
        return builder()
                .path(Objects.requireNonNull(path, "path"))
                .contentsBase64(Objects.requireNonNull(contentsBase64, "contentsBase64"))
                .build();
    }

    /**
     * A builder holding this value's fields, to make a changed copy; changing the builder never changes this
     * value.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Checks the path length the API reference states and that the contents are base64. */
    @Value.Check
    default void check() {
        if (path().isEmpty()) {
            throw RequestRules.invalid("personality[].path", "must not be empty");
        }
        int bytes = path().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > RequestRules.MAX_STRING) {
            throw RequestRules.invalid("personality[].path", "must be at most 255 bytes, got " + bytes);
        }
        RequestRules.base64("personality[].contents", contentsBase64());
    }

    /** Builder of {@link Personality}. */
    final class Builder extends ImmutablePersonality.Builder {}
}
