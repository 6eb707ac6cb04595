package dev.novasdk.compute.servers;

import java.util.Objects;
import org.immutables.value.Value;

/**
 * One scheduler hint given to a server create, such as {@code same_host} or {@code group}. Hints with the same
 * key are sent together as a list, as novaclient does; they go under {@code os:scheduler_hints}, next to
 * {@code server}. Which hints work depends on the cloud's scheduler filters.
 */
@Value.Immutable
public interface SchedulerHint {
    /** The hint's name. */
    String key();

    /** One value of the hint. */
    String value();

    /** The hint {@code key=value}. */
    static SchedulerHint of(String key, String value) {
        return builder()
                .key(Objects.requireNonNull(key, "key"))
                .value(Objects.requireNonNull(value, "value"))
                .build();
    }

    /** Checks that the hint has a name. */
    @Value.Check
    default void check() {
        if (key().isEmpty()) {
            throw RequestRules.invalid("os:scheduler_hints", "keys must not be empty");
        }
    }

    /**
     * A builder holding this hint, to make a changed copy; changing the builder never changes this hint.
     */
    @Value.NonAttribute
    default Builder toBuilder() {
        return builder().from(this);
    }

    /** A new builder. */
    static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SchedulerHint}. */
    final class Builder extends ImmutableSchedulerHint.Builder {}
}
