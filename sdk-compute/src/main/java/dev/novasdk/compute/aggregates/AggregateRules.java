package dev.novasdk.compute.aggregates;

/** Nova's schema rules for aggregate names and zones, checked before sending. */
final class AggregateRules {
    private AggregateRules() {}

    static String name(String field, String value) {
        if (value.isEmpty() || value.length() > 255) {
            throw new IllegalArgumentException(field + " must be 1 to 255 characters, got " + value.length());
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " must not start or end with a blank: '" + value + "'");
        }
        return value;
    }

    static String zone(String field, String value) {
        name(field, value);
        if (value.contains(":")) {
            throw new IllegalArgumentException(field + " must not contain ':' (Nova's host:node syntax): " + value);
        }
        return value;
    }
}
