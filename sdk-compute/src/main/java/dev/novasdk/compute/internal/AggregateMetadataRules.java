package dev.novasdk.compute.internal;

import java.util.Map;

/** Nova's schema of aggregate metadata ({@code set_metadata}), checked before sending. Not API. */
final class AggregateMetadataRules {
    private AggregateMetadataRules() {}

    static void check(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            throw new IllegalArgumentException("metadata must not be empty: Nova requires at least one key");
        }
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String key = e.getKey();
            if (key == null || key.isEmpty() || key.length() > 255) {
                throw new IllegalArgumentException("metadata key must be 1 to 255 characters: '" + key + "'");
            }
            if (e.getValue() != null && e.getValue().length() > 255) {
                throw new IllegalArgumentException("metadata value of '" + key + "' must be at most 255 characters");
            }
        }
    }
}
