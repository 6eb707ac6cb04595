package dev.novasdk.compute.services;

import dev.novasdk.compute.internal.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Filters of a service listing; Nova does not page services. */
@Value.Immutable
public interface ServiceListOptions {
    /** Every service. */
    static ServiceListOptions defaults() {
        return builder().build();
    }

    /** Only services of this binary ({@code nova-compute}). */
    Optional<String> binary();

    /** Only services on this host. */
    Optional<String> host();

    /** The query parameters. */
    @Value.Derived
    @Value.Auxiliary
    default Map<String, List<String>> query() {
        return ListQuery.create()
                .add("binary", binary().orElse(null))
                .add("host", host().orElse(null))
                .build();
    }

    /** Rejects blank filters, which Nova would match against nothing. */
    @Value.Check
    default void check() {
        binary().filter(String::isBlank).ifPresent(b -> {
            throw new IllegalArgumentException("binary must not be blank");
        });
        host().filter(String::isBlank).ifPresent(h -> {
            throw new IllegalArgumentException("host must not be blank");
        });
    }

    /** A builder holding these options, to change some of them. */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ServiceListOptions}. */
    final class Builder extends ImmutableServiceListOptions.Builder {}
}
