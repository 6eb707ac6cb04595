package dev.novasdk.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to authenticate against Keystone: a password, an existing token (rescoping), or an application
 * credential, plus the scope to ask for. Immutable; secrets never appear in {@link #toString()}.
 *
 * <pre>{@code
 * KeystoneAuth auth = KeystoneAuth.password()
 *         .username("admin").userDomainName("Default").password(secret)
 *         .projectName("admin").projectDomainName("Default")
 *         .build();
 * }</pre>
 */
public final class KeystoneAuth {
    /** The authentication methods. */
    public enum Method {
        /** User id, or user name plus domain, and password. */
        PASSWORD,
        /** An existing token, usually to get one with another scope. */
        TOKEN,
        /** An application credential id, or name plus user, and secret. */
        APPLICATION_CREDENTIAL
    }

    private final Method method;
    private final String userId;
    private final String username;
    private final DomainRef userDomain;
    private final String secret;
    private final String credentialId;
    private final String credentialName;
    private final Scope scope;

    private KeystoneAuth(
            Method method,
            String userId,
            String username,
            DomainRef userDomain,
            String secret,
            String credentialId,
            String credentialName,
            Scope scope) {
        this.method = method;
        this.userId = userId;
        this.username = username;
        this.userDomain = userDomain;
        this.secret = secret;
        this.credentialId = credentialId;
        this.credentialName = credentialName;
        this.scope = scope;
    }

    /** A builder for password authentication. */
    public static PasswordBuilder password() {
        return new PasswordBuilder();
    }

    /** A builder for token authentication, which exchanges a token for one with another scope. */
    public static TokenBuilder token() {
        return new TokenBuilder();
    }

    /** A builder for application-credential authentication. The credential carries its own project scope. */
    public static ApplicationCredentialBuilder applicationCredential() {
        return new ApplicationCredentialBuilder();
    }

    /** The method. */
    public Method method() {
        return method;
    }

    /** The user id, if the user was named by id. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** The user name, if the user was named by name. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The domain of a user named by name. */
    public Optional<DomainRef> userDomain() {
        return Optional.ofNullable(userDomain);
    }

    /** The application credential id. */
    public Optional<String> applicationCredentialId() {
        return Optional.ofNullable(credentialId);
    }

    /** The application credential name. */
    public Optional<String> applicationCredentialName() {
        return Optional.ofNullable(credentialName);
    }

    /** The requested scope. */
    public Scope scope() {
        return scope;
    }

    /** The password, token id or application credential secret; package-private so it cannot leak from the API. */
    String secret() {
        return secret;
    }

    /** A copy with another scope (token and password methods only). */
    public KeystoneAuth withScope(Scope newScope) {
        Objects.requireNonNull(newScope, "scope");
        if (method == Method.APPLICATION_CREDENTIAL && newScope.kind() != Scope.Kind.DEFAULT) {
            throw new IllegalArgumentException("an application credential is bound to its project; it takes no scope");
        }
        return new KeystoneAuth(method, userId, username, userDomain, secret, credentialId, credentialName, newScope);
    }

    /**
     * Checks what Keystone v3 needs beyond what v2.0 does: domains for names.
     *
     * @throws IllegalArgumentException naming the missing setting
     */
    void checkForV3() {
        if (username != null && userId == null && userDomain == null) {
            throw new IllegalArgumentException(
                    "user domain is not set: Keystone v3 needs userDomainId or userDomainName "
                            + "(OS_USER_DOMAIN_ID / OS_USER_DOMAIN_NAME) with a user name");
        }
        if (scope.kind() == Scope.Kind.PROJECT
                && scope.name().isPresent()
                && scope.projectDomain().isEmpty()) {
            throw new IllegalArgumentException("project domain is not set: Keystone v3 needs projectDomainId or "
                    + "projectDomainName (OS_PROJECT_DOMAIN_ID / OS_PROJECT_DOMAIN_NAME) with a project name");
        }
    }

    /**
     * Checks what Keystone v2.0 supports.
     *
     * @throws IllegalArgumentException naming the unsupported setting
     */
    void checkForV2() {
        if (method == Method.APPLICATION_CREDENTIAL) {
            throw new IllegalArgumentException("application credentials need Keystone v3; the auth URL points at v2.0");
        }
        if (scope.kind() == Scope.Kind.DOMAIN || scope.kind() == Scope.Kind.SYSTEM) {
            throw new IllegalArgumentException(scope.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " scope needs Keystone v3; the auth URL points at v2.0");
        }
        if (method == Method.PASSWORD && username == null) {
            throw new IllegalArgumentException("Keystone v2.0 needs a user name (username), not only a user id");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("KeystoneAuth{").append(method.name().toLowerCase(java.util.Locale.ROOT));
        if (userId != null) {
            sb.append(", userId=").append(userId);
        }
        if (username != null) {
            sb.append(", username=").append(username);
        }
        if (userDomain != null) {
            sb.append(", user ").append(userDomain);
        }
        if (credentialId != null) {
            sb.append(", applicationCredentialId=").append(credentialId);
        }
        if (credentialName != null) {
            sb.append(", applicationCredentialName=").append(credentialName);
        }
        return sb.append(", secret=****, scope=").append(scope).append('}').toString();
    }

    /**
     * Collects the scope settings shared by the password and token builders and checks they do not contradict
     * each other.
     */
    abstract static class ScopedBuilder<B extends ScopedBuilder<B>> {
        String projectId;
        String projectName;
        String projectDomainId;
        String projectDomainName;
        String domainId;
        String domainName;
        boolean system;
        Scope scope;

        abstract B self();

        /** Scopes to the project with this id. */
        public B projectId(String v) {
            this.projectId = DomainRef.requireText(v, "projectId");
            return self();
        }

        /** Scopes to the project with this name; v3 also needs the project domain. */
        public B projectName(String v) {
            this.projectName = DomainRef.requireText(v, "projectName");
            return self();
        }

        /** The domain id of a project named by name. */
        public B projectDomainId(String v) {
            this.projectDomainId = DomainRef.requireText(v, "projectDomainId");
            return self();
        }

        /** The domain name of a project named by name. */
        public B projectDomainName(String v) {
            this.projectDomainName = DomainRef.requireText(v, "projectDomainName");
            return self();
        }

        /** Scopes to the domain with this id. */
        public B domainId(String v) {
            this.domainId = DomainRef.requireText(v, "domainId");
            return self();
        }

        /** Scopes to the domain with this name. */
        public B domainName(String v) {
            this.domainName = DomainRef.requireText(v, "domainName");
            return self();
        }

        /** Scopes to the whole system. */
        public B systemScope() {
            this.system = true;
            return self();
        }

        /** Sets the scope as a whole; contradicts any other scope setting. */
        public B scope(Scope v) {
            this.scope = Objects.requireNonNull(v, "scope");
            return self();
        }

        Scope buildScope() {
            List<String> given = new ArrayList<>();
            if (projectId != null) {
                given.add("a project id");
            }
            if (projectName != null) {
                given.add("a project name");
            }
            if (domainId != null || domainName != null) {
                given.add("a domain scope");
            }
            if (system) {
                given.add("system scope");
            }
            if (scope != null) {
                given.add("an explicit scope");
            }
            if (domainId != null && domainName != null) {
                throw new IllegalArgumentException("both domainId and domainName given; use one");
            }
            if (projectDomainId != null && projectDomainName != null) {
                throw new IllegalArgumentException("both projectDomainId and projectDomainName given; use one");
            }
            if (given.size() > 1) {
                throw new IllegalArgumentException(
                        "both " + given.get(0) + " and " + given.get(1) + " given; a token has one scope");
            }
            if ((projectDomainId != null || projectDomainName != null) && projectName == null) {
                // Tolerated like keystoneauth: a project domain without a project name is ignored for ids.
                if (projectId == null) {
                    throw new IllegalArgumentException("a project domain is given but no projectName");
                }
            }
            if (scope != null) {
                return scope;
            }
            if (projectId != null) {
                return Scope.projectId(projectId);
            }
            if (projectName != null) {
                if (projectDomainId != null) {
                    return Scope.projectName(projectName, DomainRef.id(projectDomainId));
                }
                if (projectDomainName != null) {
                    return Scope.projectName(projectName, DomainRef.name(projectDomainName));
                }
                return Scope.projectName(projectName);
            }
            if (domainId != null) {
                return Scope.domainId(domainId);
            }
            if (domainName != null) {
                return Scope.domainName(domainName);
            }
            return system ? Scope.system() : Scope.userDefault();
        }
    }

    /** Builder of password authentication; not thread-safe. */
    public static final class PasswordBuilder extends ScopedBuilder<PasswordBuilder> {
        private String userId;
        private String username;
        private String userDomainId;
        private String userDomainName;
        private String password;

        private PasswordBuilder() {}

        @Override
        PasswordBuilder self() {
            return this;
        }

        /** The user id. */
        public PasswordBuilder userId(String v) {
            this.userId = DomainRef.requireText(v, "userId");
            return this;
        }

        /** The user name; v3 also needs the user domain. */
        public PasswordBuilder username(String v) {
            this.username = DomainRef.requireText(v, "username");
            return this;
        }

        /** The domain id of a user named by name. */
        public PasswordBuilder userDomainId(String v) {
            this.userDomainId = DomainRef.requireText(v, "userDomainId");
            return this;
        }

        /** The domain name of a user named by name. */
        public PasswordBuilder userDomainName(String v) {
            this.userDomainName = DomainRef.requireText(v, "userDomainName");
            return this;
        }

        /** The password. */
        public PasswordBuilder password(String v) {
            this.password = Objects.requireNonNull(v, "password");
            return this;
        }

        /**
         * A new immutable value.
         *
         * @throws IllegalArgumentException naming the missing or contradictory setting
         */
        public KeystoneAuth build() {
            if (password == null) {
                throw new IllegalArgumentException("password is not set");
            }
            if (userId == null && username == null) {
                throw new IllegalArgumentException("neither userId nor username is set");
            }
            if (userId != null && username != null) {
                throw new IllegalArgumentException("both userId and username given; use one");
            }
            if (userDomainId != null && userDomainName != null) {
                throw new IllegalArgumentException("both userDomainId and userDomainName given; use one");
            }
            DomainRef domain = userDomainId != null
                    ? DomainRef.id(userDomainId)
                    : userDomainName != null ? DomainRef.name(userDomainName) : null;
            return new KeystoneAuth(Method.PASSWORD, userId, username, domain, password, null, null, buildScope());
        }
    }

    /** Builder of token authentication; not thread-safe. */
    public static final class TokenBuilder extends ScopedBuilder<TokenBuilder> {
        private String tokenId;

        private TokenBuilder() {}

        @Override
        TokenBuilder self() {
            return this;
        }

        /** The existing token's id (secret). */
        public TokenBuilder tokenId(String v) {
            this.tokenId = DomainRef.requireText(v, "tokenId");
            return this;
        }

        /**
         * A new immutable value.
         *
         * @throws IllegalArgumentException naming the missing or contradictory setting
         */
        public KeystoneAuth build() {
            if (tokenId == null) {
                throw new IllegalArgumentException("tokenId is not set");
            }
            return new KeystoneAuth(Method.TOKEN, null, null, null, tokenId, null, null, buildScope());
        }
    }

    /** Builder of application-credential authentication; not thread-safe. */
    public static final class ApplicationCredentialBuilder {
        private String id;
        private String name;
        private String secret;
        private String userId;
        private String username;
        private String userDomainId;
        private String userDomainName;

        private ApplicationCredentialBuilder() {}

        /** The credential id; enough on its own (with the secret). */
        public ApplicationCredentialBuilder id(String v) {
            this.id = DomainRef.requireText(v, "applicationCredentialId");
            return this;
        }

        /** The credential name; needs the owning user too. */
        public ApplicationCredentialBuilder name(String v) {
            this.name = DomainRef.requireText(v, "applicationCredentialName");
            return this;
        }

        /** The secret. */
        public ApplicationCredentialBuilder secret(String v) {
            this.secret = Objects.requireNonNull(v, "applicationCredentialSecret");
            return this;
        }

        /** The owning user's id, for a credential named by name. */
        public ApplicationCredentialBuilder userId(String v) {
            this.userId = DomainRef.requireText(v, "userId");
            return this;
        }

        /** The owning user's name, for a credential named by name; needs the user domain. */
        public ApplicationCredentialBuilder username(String v) {
            this.username = DomainRef.requireText(v, "username");
            return this;
        }

        /** The owning user's domain id. */
        public ApplicationCredentialBuilder userDomainId(String v) {
            this.userDomainId = DomainRef.requireText(v, "userDomainId");
            return this;
        }

        /** The owning user's domain name. */
        public ApplicationCredentialBuilder userDomainName(String v) {
            this.userDomainName = DomainRef.requireText(v, "userDomainName");
            return this;
        }

        /**
         * A new immutable value.
         *
         * @throws IllegalArgumentException naming the missing or contradictory setting
         */
        public KeystoneAuth build() {
            if (secret == null) {
                throw new IllegalArgumentException("applicationCredentialSecret is not set");
            }
            if (id == null && name == null) {
                throw new IllegalArgumentException(
                        "neither applicationCredentialId nor applicationCredentialName is set");
            }
            if (id != null && name != null) {
                throw new IllegalArgumentException(
                        "both applicationCredentialId and applicationCredentialName given; use one");
            }
            if (name != null && userId == null && username == null) {
                throw new IllegalArgumentException(
                        "applicationCredentialName needs the owning user: userId, or username "
                                + "with userDomainId/userDomainName");
            }
            if (userId != null && username != null) {
                throw new IllegalArgumentException("both userId and username given; use one");
            }
            if (username != null && userDomainId == null && userDomainName == null) {
                throw new IllegalArgumentException("user domain is not set: an application credential owner named by "
                        + "name needs userDomainId or userDomainName");
            }
            DomainRef domain = userDomainId != null
                    ? DomainRef.id(userDomainId)
                    : userDomainName != null ? DomainRef.name(userDomainName) : null;
            return new KeystoneAuth(
                    Method.APPLICATION_CREDENTIAL, userId, username, domain, secret, id, name, Scope.userDefault());
        }
    }
}
