package dev.novasdk.core.endpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * What a client asks the catalog for: a service type, and optionally an interface, region and service name.
 * Immutable.
 */
public final class EndpointQuery {
    private final String serviceType;
    private final EndpointInterface endpointInterface;
    private final String region;
    private final String serviceName;

    private EndpointQuery(Builder b) {
        this.serviceType = b.serviceType;
        this.endpointInterface = b.endpointInterface;
        this.region = b.region;
        this.serviceName = b.serviceName;
    }

    /** The public endpoint of {@code serviceType} in the resolver's default region. */
    public static EndpointQuery of(String serviceType) {
        return builder(serviceType).build();
    }

    /** A builder for {@code serviceType} ({@code compute}, {@code image}, ...). */
    public static Builder builder(String serviceType) {
        return new Builder(serviceType);
    }

    /** The service type. */
    public String serviceType() {
        return serviceType;
    }

    /** The interface, if chosen; resolvers default to their configured one, usually public. */
    public Optional<EndpointInterface> endpointInterface() {
        return Optional.ofNullable(endpointInterface);
    }

    /** The region, if chosen. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The service name, if chosen. */
    public Optional<String> serviceName() {
        return Optional.ofNullable(serviceName);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EndpointQuery)) {
            return false;
        }
        EndpointQuery q = (EndpointQuery) o;
        return serviceType.equals(q.serviceType)
                && endpointInterface == q.endpointInterface
                && Objects.equals(region, q.region)
                && Objects.equals(serviceName, q.serviceName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(serviceType, endpointInterface, region, serviceName);
    }

    @Override
    public String toString() {
        return serviceType
                + (endpointInterface == null ? "" : "/" + endpointInterface.wireName())
                + (region == null ? "" : "@" + region)
                + (serviceName == null ? "" : " (" + serviceName + ")");
    }

    /** Mutable builder of {@link EndpointQuery}. */
    public static final class Builder {
        private final String serviceType;
        private EndpointInterface endpointInterface;
        private String region;
        private String serviceName;

        private Builder(String serviceType) {
            Objects.requireNonNull(serviceType, "serviceType");
            if (serviceType.isBlank()) {
                throw new IllegalArgumentException("serviceType must not be blank");
            }
            this.serviceType = serviceType;
        }

        /** The interface. */
        public Builder endpointInterface(EndpointInterface v) {
            this.endpointInterface = Objects.requireNonNull(v, "endpointInterface");
            return this;
        }

        /** The region. */
        public Builder region(String v) {
            this.region = Objects.requireNonNull(v, "region");
            return this;
        }

        /** The service name. */
        public Builder serviceName(String v) {
            this.serviceName = Objects.requireNonNull(v, "serviceName");
            return this;
        }

        /** A new immutable query. */
        public EndpointQuery build() {
            return new EndpointQuery(this);
        }
    }
}
