package dev.novasdk.compute.quotas;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A quota set ({@code quota_set}) or quota class set ({@code quota_class_set}): the limit of each resource,
 * -1 meaning unlimited. Nova stops sending the nova-network fields at microversion 2.36 (2.50 for class sets)
 * and the injected-file ones at 2.57, and sends the server group ones in class sets from 2.50, so every field
 * is optional. An update's response has no {@code id}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableQuotaSet.class)
@JsonDeserialize(as = ImmutableQuotaSet.class)
public interface QuotaSet extends QuotaValues {
    /** The project id, or the class name ({@code default}) of a class set; absent in update responses. */
    Optional<String> id();

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

    /** Builder of {@link QuotaSet}. */
    final class Builder extends ImmutableQuotaSet.Builder {}
}
