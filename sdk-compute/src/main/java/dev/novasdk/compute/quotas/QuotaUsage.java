package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One resource of a detailed quota set: the limit (-1: unlimited), the usage and the reservations. */
@Value.Immutable
@JsonSerialize(as = ImmutableQuotaUsage.class)
@JsonDeserialize(as = ImmutableQuotaUsage.class)
public interface QuotaUsage {
    /** The limit; -1 means unlimited. */
    int limit();

    /** How much is in use. */
    @JsonProperty("in_use")
    int inUse();

    /** How much is reserved (always 0 since Nova counts usage instead of reserving). */
    int reserved();

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

    /** Builder of {@link QuotaUsage}. */
    final class Builder extends ImmutableQuotaUsage.Builder {}
}
