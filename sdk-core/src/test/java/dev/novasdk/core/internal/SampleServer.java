package dev.novasdk.core.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.novasdk.core.value.OpenStackStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A model shaped like the SDK's own (Immutables, Optional fields, an open enum), for codec tests. */
@Value.Immutable
@OpenStackStyle
@JsonSerialize(as = ImmutableSampleServer.class)
@JsonDeserialize(as = ImmutableSampleServer.class)
interface SampleServer {
    String id();

    SampleStatus status();

    Optional<String> name();

    Instant created();

    @JsonProperty("OS-SRV-USG:launched_at")
    Optional<Instant> launchedAt();

    Map<String, String> metadata();

    static ImmutableSampleServer.Builder builder() {
        return ImmutableSampleServer.builder();
    }
}
