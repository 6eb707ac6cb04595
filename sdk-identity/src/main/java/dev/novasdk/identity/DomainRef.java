package dev.novasdk.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * A Keystone domain named by id or by name, as used to qualify user and project names. Immutable.
 */
public final class DomainRef {
    private final String id;
    private final String name;

    private DomainRef(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The domain with this id ({@code default} for the default domain). */
    public static DomainRef id(String id) {
        return new DomainRef(requireText(id, "domainId"), null);
    }

    /** The domain with this name ({@code Default} for the default domain). */
    public static DomainRef name(String name) {
        return new DomainRef(null, requireText(name, "domainName"));
    }

    /** The id, when the domain was named by id. */
    public Optional<String> domainId() {
        return Optional.ofNullable(id);
    }

    /** The name, when the domain was named by name. */
    public Optional<String> domainName() {
        return Optional.ofNullable(name);
    }

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DomainRef
                && Objects.equals(id, ((DomainRef) o).id)
                && Objects.equals(name, ((DomainRef) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public String toString() {
        return id != null ? "domain id " + id : "domain " + name;
    }
}
