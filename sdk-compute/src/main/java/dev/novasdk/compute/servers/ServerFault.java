package dev.novasdk.compute.servers;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why a server failed, as nova reports it under {@code fault} for a server in {@code ERROR} (and sometimes
 * after a failed action). Every field is optional: nova leaves out {@code details} for non-admins on 500
 * faults, and clouds differ.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableServerFault.class)
@JsonDeserialize(as = ImmutableServerFault.class)
public interface ServerFault {
    /** An HTTP-like code for the failure, such as 500 or 404. */
    Optional<Integer> code();

    /** When the fault was recorded. */
    Optional<Instant> created();

    /** The error message, such as {@code No valid host was found.}. */
    Optional<String> message();

    /** Further detail, often a traceback; shown to admins, or to everyone when the code is not 500. */
    Optional<String> details();

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

    /** Builder of {@link ServerFault}. */
    final class Builder extends ImmutableServerFault.Builder {}
}
