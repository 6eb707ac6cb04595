package dev.novasdk.compute.limits;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The document of {@code GET /limits}: absolute limits with usage, and the long-gone rate limits. */
@Value.Immutable
@JsonSerialize(as = ImmutableLimits.class)
@JsonDeserialize(as = ImmutableLimits.class)
public interface Limits {
    /** The absolute limits and usage. */
    AbsoluteLimits absolute();

    /** Rate limits: always empty, since Nova dropped them (kept so nothing Nova sends is lost). */
    List<Map<String, Object>> rate();

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

    /** Builder of {@link Limits}. */
    final class Builder extends ImmutableLimits.Builder {}
}
