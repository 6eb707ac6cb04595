package dev.novasdk.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a token is scoped to: a project, a domain, the whole system, or nothing. Immutable.
 */
public final class Scope {
    /** The kinds of scope. */
    public enum Kind {
        /** A project (tenant in v2.0), by id or by name within a domain. */
        PROJECT,
        /** A domain. */
        DOMAIN,
        /** The whole deployment ({@code system: all}); for operators. */
        SYSTEM,
        /** Explicitly no scope ({@code "scope": "unscoped"}), even if the user has a default project. */
        UNSCOPED,
        /** Nothing asked for: Keystone scopes to the user's default project if it has one. */
        DEFAULT
    }

    private static final Scope UNSCOPED = new Scope(Kind.UNSCOPED, null, null, null);
    private static final Scope SYSTEM = new Scope(Kind.SYSTEM, null, null, null);
    private static final Scope DEFAULT = new Scope(Kind.DEFAULT, null, null, null);

    private final Kind kind;
    private final String id;
    private final String name;
    private final DomainRef domain;

    private Scope(Kind kind, String id, String name, DomainRef domain) {
        this.kind = kind;
        this.id = id;
        this.name = name;
        this.domain = domain;
    }

    /** The project with this id. */
    public static Scope projectId(String projectId) {
        return new Scope(Kind.PROJECT, DomainRef.requireText(projectId, "projectId"), null, null);
    }

    /**
     * The project with this name in {@code projectDomain}. Keystone v3 needs the domain; for v2.0 clouds
     * (tenant name) it is ignored, so {@link #projectName(String)} is enough there.
     */
    public static Scope projectName(String projectName, DomainRef projectDomain) {
        return new Scope(
                Kind.PROJECT,
                null,
                DomainRef.requireText(projectName, "projectName"),
                Objects.requireNonNull(projectDomain, "projectDomain"));
    }

    /** The project with this name and no domain: valid for Keystone v2.0 tenant names only. */
    public static Scope projectName(String projectName) {
        return new Scope(Kind.PROJECT, null, DomainRef.requireText(projectName, "projectName"), null);
    }

    /** The domain with this id. */
    public static Scope domainId(String domainId) {
        return new Scope(Kind.DOMAIN, DomainRef.requireText(domainId, "domainId"), null, null);
    }

    /** The domain with this name. */
    public static Scope domainName(String domainName) {
        return new Scope(Kind.DOMAIN, null, DomainRef.requireText(domainName, "domainName"), null);
    }

    /** System scope ({@code "system": {"all": true}}). */
    public static Scope system() {
        return SYSTEM;
    }

    /** Explicitly unscoped: the token can only list the user's projects and be rescoped. */
    public static Scope unscoped() {
        return UNSCOPED;
    }

    /** No scope requested; Keystone applies the user's default project, if any. */
    public static Scope userDefault() {
        return DEFAULT;
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The project or domain id, when scoped by id. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The project or domain name, when scoped by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The domain of a project named by name. */
    public Optional<DomainRef> projectDomain() {
        return Optional.ofNullable(domain);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scope)) {
            return false;
        }
        Scope s = (Scope) o;
        return kind == s.kind
                && Objects.equals(id, s.id)
                && Objects.equals(name, s.name)
                && Objects.equals(domain, s.domain);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, name, domain);
    }

    @Override
    public String toString() {
        switch (kind) {
            case PROJECT:
                return id != null ? "project id " + id : "project " + name + (domain == null ? "" : " in " + domain);
            case DOMAIN:
                return id != null ? "domain id " + id : "domain " + name;
            case SYSTEM:
                return "system";
            case UNSCOPED:
                return "unscoped";
            default:
                return "default";
        }
    }
}
