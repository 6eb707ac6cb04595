package dev.novasdk.identity;

import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.http.apache.ApacheHttpTransport;
import dev.novasdk.core.internal.SafeUri;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings needed to reach one cloud, read like openstacksdk and the {@code openstack} CLI read them: from
 * {@code OS_*} environment variables (an openrc file) and from a named cloud in {@code clouds.yaml} plus
 * {@code secure.yaml}. Everything is checked when the configuration is built, so a missing or contradictory
 * setting fails before any request, with a message naming the variable or key; passwords, tokens and secrets
 * never appear in messages or in {@link #toString()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * CloudConfig config = CloudConfig.load();          // OS_CLOUD, or the OS_* variables
 * try (Session session = config.newSession()) {
 *     URI nova = session.endpoint("compute");
 * }
 * }</pre>
 *
 * <h2>Where settings come from</h2>
 * For each setting the first of these that sets it wins:
 * <ol>
 *   <li>the builder's setting methods ({@link Builder#region(String)}, ...);</li>
 *   <li>the environment: {@code OS_AUTH_URL}, {@code OS_AUTH_TYPE}, {@code OS_USERNAME}, {@code OS_USER_ID},
 *       {@code OS_PASSWORD}, {@code OS_USER_DOMAIN_ID|NAME}, {@code OS_PROJECT_ID|NAME} (alias
 *       {@code OS_TENANT_ID|NAME}), {@code OS_PROJECT_DOMAIN_ID|NAME}, {@code OS_DOMAIN_ID|NAME},
 *       {@code OS_SYSTEM_SCOPE}, {@code OS_DEFAULT_DOMAIN} (alias {@code OS_DEFAULT_DOMAIN_ID}),
 *       {@code OS_DEFAULT_DOMAIN_NAME}, {@code OS_TOKEN}, {@code OS_APPLICATION_CREDENTIAL_ID|NAME|SECRET},
 *       {@code OS_REGION_NAME}, {@code OS_INTERFACE} (alias {@code OS_ENDPOINT_TYPE}),
 *       {@code OS_IDENTITY_API_VERSION}, {@code OS_COMPUTE_API_VERSION}, {@code OS_CACERT}, {@code OS_CERT},
 *       {@code OS_KEY}, {@code OS_INSECURE} and {@code OS_<SERVICE>_ENDPOINT_OVERRIDE};</li>
 *   <li>the cloud selected with {@link Builder#cloud(String)} or {@code OS_CLOUD}, from the first
 *       {@code clouds.yaml} (or {@code clouds.yml}) found in the current directory, {@code ~/.config/openstack}
 *       ({@code $XDG_CONFIG_HOME/openstack}) and {@code /etc/openstack}, or from the file
 *       {@code OS_CLIENT_CONFIG_FILE} names; {@code secure.yaml} (next to it, in the same places, or
 *       {@code OS_CLIENT_SECURE_FILE}) is deep-merged over it.</li>
 * </ol>
 * Alternatives count as one setting: a source that names the project by id replaces a project name from a
 * lower source rather than contradicting it, and likewise for the user (id or name), each domain (id or name),
 * the application credential (id or name) and the scope (project, domain or system). Unlike openstacksdk,
 * {@code OS_*} variables therefore also override a cloud selected from {@code clouds.yaml}; unset them to use
 * the file alone.
 *
 * <h2>Authentication</h2>
 * {@code auth_type} is {@code password}, {@code v3password}, {@code v2password}, {@code token}, {@code v3token},
 * {@code v2token}, {@code v3applicationcredential} or {@code applicationcredential}. Without one, application
 * credential settings select an application credential, else a password selects password authentication, else
 * a token selects token authentication. {@code OS_DOMAIN_ID|NAME} always ask for a domain-scoped token (they
 * are not openstacksdk's shorthand for the user's and project's domain; use {@code OS_DEFAULT_DOMAIN} for that,
 * which fills the user's and the project's domain when they are not given).
 *
 * <p>Not supported from openstacksdk's format: vendor {@code profile}s and {@code clouds-public.yaml}, and the
 * per-region {@code values} of a {@code regions} list (only the region names are used: a cloud with a single
 * region needs no {@code region_name}). Relative paths in files are taken against the working directory.
 *
 * <h2>TLS</h2>
 * {@link #caCert()}, {@link #clientCert()}, {@link #clientKey()} and {@link #insecure()} are applied by the
 * HTTP transport. When any of the CA bundle, the client certificate or {@code insecure} is set,
 * {@link #toSessionBuilder()}, and so {@link #newSession()}, gives the session an Apache transport built by
 * {@link #transportBuilder()} with them, which the session closes with itself; otherwise the session uses the
 * default transport. To tune that transport further (timeouts, pool, proxy), build one from
 * {@link #transportBuilder()} and pass it to {@link #toSessionBuilder()}{@code .transport(..)}.
 */
public final class CloudConfig {
    private final String cloudName;
    private final String source;
    private final URI authUrl;
    private final KeystoneAuth auth;
    private final String region;
    private final EndpointInterface endpointInterface;
    private final Path caCert;
    private final Path clientCert;
    private final Path clientKey;
    private final boolean insecure;
    private final String computeApiVersion;
    private final Map<String, URI> endpointOverrides;

    CloudConfig(
            String cloudName,
            String source,
            URI authUrl,
            KeystoneAuth auth,
            String region,
            EndpointInterface endpointInterface,
            Path caCert,
            Path clientCert,
            Path clientKey,
            boolean insecure,
            String computeApiVersion,
            Map<String, URI> endpointOverrides) {
        this.cloudName = cloudName;
        this.source = source;
        this.authUrl = authUrl;
        this.auth = auth;
        this.region = region;
        this.endpointInterface = endpointInterface;
        this.caCert = caCert;
        this.clientCert = clientCert;
        this.clientKey = clientKey;
        this.insecure = insecure;
        this.computeApiVersion = computeApiVersion;
        this.endpointOverrides = Map.copyOf(endpointOverrides);
    }

    /**
     * The configuration of this process: the cloud {@code OS_CLOUD} names, or the {@code OS_*} variables.
     *
     * @throws CloudConfigException naming what is missing, contradictory or malformed
     */
    public static CloudConfig load() {
        return builder().build();
    }

    /**
     * Like {@link #load()}, but empty when nothing is configured: neither {@code OS_CLOUD} nor
     * {@code OS_AUTH_URL} is set. Lets a program fall back to a default (the examples use an embedded fake
     * cloud) while a configuration that is present but broken still fails.
     *
     * @throws CloudConfigException when a cloud or auth URL is given but the rest is missing or wrong
     */
    public static Optional<CloudConfig> detect() {
        return builder().detect();
    }

    /** A builder reading the real environment and the standard places unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Keystone URL. */
    public URI authUrl() {
        return authUrl;
    }

    /** How to authenticate, with the scope to ask for. */
    public KeystoneAuth auth() {
        return auth;
    }

    /**
     * The region endpoints are chosen in; from {@code region_name}, or the cloud's only entry in
     * {@code regions}.
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** The endpoint interface; public unless configured. */
    public EndpointInterface endpointInterface() {
        return endpointInterface;
    }

    /** A CA bundle to trust instead of the system's; ignored by the transport when {@link #insecure()}. */
    public Optional<Path> caCert() {
        return Optional.ofNullable(caCert);
    }

    /** A client certificate (PEM) for mutual TLS; it may hold the key too. */
    public Optional<Path> clientCert() {
        return Optional.ofNullable(clientCert);
    }

    /** The client certificate's private key, when not in the certificate file. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /**
     * Whether server certificates go unchecked ({@code OS_INSECURE=true}, {@code verify: false}). Only for
     * test clouds: it makes the connection open to interception.
     */
    public boolean insecure() {
        return insecure;
    }

    /** The compute microversion asked for: {@code 2.N}, {@code 2} (no microversion) or {@code latest}. */
    public Optional<String> computeApiVersion() {
        return Optional.ofNullable(computeApiVersion);
    }

    /** The {@code clouds.yaml} cloud used, if any. */
    public Optional<String> cloudName() {
        return Optional.ofNullable(cloudName);
    }

    /**
     * Base URLs to use instead of the catalog's, by service type ({@code compute}, {@code block-storage});
     * from {@code <service>_endpoint_override} and {@code OS_<SERVICE>_ENDPOINT_OVERRIDE}.
     */
    public Map<String, URI> endpointOverrides() {
        return endpointOverrides;
    }

    /**
     * Where the settings came from, for diagnostics: {@code "environment"}, or {@code "cloud 'oslab' in
     * .../clouds.yaml and .../secure.yaml, with OS_REGION_NAME from the environment"}.
     */
    public String source() {
        return source;
    }

    /**
     * A session builder with the auth URL, authentication, region, interface and endpoint overrides set, for
     * adding a transport (with this configuration's TLS settings), clock or retry policy.
     */
    public Session.Builder toSessionBuilder() {
        Session.Builder b = Session.builder().authUrl(authUrl).auth(auth).endpointInterface(endpointInterface);
        if (region != null) {
            b.region(region);
        }
        endpointOverrides.forEach(b::endpointOverride);
        if (insecure || caCert != null || clientCert != null) {
            b.ownedTransport(transportBuilder().build());
        }
        return b;
    }

    /**
     * An Apache transport builder with this cloud's TLS settings ({@code cacert}, {@code cert}/{@code key},
     * {@code verify: false}); {@link #toSessionBuilder()} uses it when any of them is set.
     */
    public ApacheHttpTransport.Builder transportBuilder() {
        ApacheHttpTransport.Builder t = ApacheHttpTransport.builder();
        if (caCert != null) {
            t.caBundle(caCert);
        }
        if (clientCert != null) {
            if (clientKey == null) {
                throw new CloudConfigException("a client certificate (OS_CERT / cert) needs its key (OS_KEY / key)");
            }
            t.clientCertificate(clientCert, clientKey);
        }
        if (insecure) {
            t.insecure(true);
        }
        return t;
    }

    /**
     * A session of this configuration, {@code toSessionBuilder().build()}; nothing is sent until it is first
     * used. Its transport applies the TLS settings (see the class documentation).
     *
     * @throws CloudConfigException when a client certificate is set without its key
     */
    public Session newSession() {
        return toSessionBuilder().build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CloudConfig{source=")
                .append(source)
                .append(", authUrl=")
                .append(SafeUri.of(authUrl))
                .append(", auth=")
                .append(auth);
        if (region != null) {
            sb.append(", region=").append(region);
        }
        sb.append(", interface=").append(endpointInterface.wireName());
        if (computeApiVersion != null) {
            sb.append(", computeApiVersion=").append(computeApiVersion);
        }
        if (insecure) {
            sb.append(", insecure");
        }
        if (caCert != null) {
            sb.append(", caCert=").append(caCert);
        }
        if (clientCert != null) {
            sb.append(", clientCert=").append(clientCert);
        }
        if (clientKey != null) {
            sb.append(", clientKey=").append(clientKey);
        }
        if (!endpointOverrides.isEmpty()) {
            sb.append(", endpointOverrides=").append(endpointOverrides);
        }
        return sb.append('}').toString();
    }

    /**
     * Mutable builder of {@link CloudConfig}; not thread-safe. Without {@link #environment(Map)} and
     * {@link #searchPaths(List)} it reads the process environment and the standard places, so tests should set
     * both.
     */
    public static final class Builder {
        private Map<String, String> environment;
        private String cloud;
        private Path configFile;
        private Path secureFile;
        private List<Path> searchPaths;
        private final CloudConfigLoader.Layer explicit = new CloudConfigLoader.Layer();

        private Builder() {}

        /** The variables to read instead of the process environment. */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            environment.forEach((k, v) -> {
                Objects.requireNonNull(k, "environment key");
                Objects.requireNonNull(v, "environment value of " + k);
            });
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The {@code clouds.yaml} cloud to use, instead of {@code OS_CLOUD}. */
        public Builder cloud(String name) {
            this.cloud = DomainRef.requireText(name, "cloud");
            return this;
        }

        /** The {@code clouds.yaml} to read, instead of searching (and of {@code OS_CLIENT_CONFIG_FILE}). */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "configFile");
            return this;
        }

        /** The {@code secure.yaml} to merge, instead of searching (and of {@code OS_CLIENT_SECURE_FILE}). */
        public Builder secureFile(Path file) {
            this.secureFile = Objects.requireNonNull(file, "secureFile");
            return this;
        }

        /** The directories searched for {@code clouds.yaml} and {@code secure.yaml}, first match wins. */
        public Builder searchPaths(List<Path> directories) {
            Objects.requireNonNull(directories, "searchPaths");
            directories.forEach(d -> Objects.requireNonNull(d, "searchPaths element"));
            this.searchPaths = List.copyOf(directories);
            return this;
        }

        private Builder put(ConfigKey key, String value) {
            String v = key.secret
                    ? Objects.requireNonNull(value, key.builderMethod)
                    : DomainRef.requireText(value, key.builderMethod).trim();
            if (v.isEmpty()) {
                throw new IllegalArgumentException(key.builderMethod + " must not be empty");
            }
            explicit.values.put(key, new CloudConfigLoader.Entry(v, key.builderMethod + "(..)"));
            return this;
        }

        /** The Keystone URL. */
        public Builder authUrl(String authUrl) {
            return put(ConfigKey.AUTH_URL, authUrl);
        }

        /** The auth type, as in {@code clouds.yaml} ({@code v3password}, {@code v3applicationcredential}, ...). */
        public Builder authType(String authType) {
            return put(ConfigKey.AUTH_TYPE, authType);
        }

        /** The user name. */
        public Builder username(String username) {
            return put(ConfigKey.USERNAME, username);
        }

        /** The user id. */
        public Builder userId(String userId) {
            return put(ConfigKey.USER_ID, userId);
        }

        /** The password. */
        public Builder password(String password) {
            return put(ConfigKey.PASSWORD, password);
        }

        /** The user's domain, by name. */
        public Builder userDomainName(String name) {
            return put(ConfigKey.USER_DOMAIN_NAME, name);
        }

        /** The user's domain, by id. */
        public Builder userDomainId(String id) {
            return put(ConfigKey.USER_DOMAIN_ID, id);
        }

        /** Scopes to the project with this name. */
        public Builder projectName(String name) {
            return put(ConfigKey.PROJECT_NAME, name);
        }

        /** Scopes to the project with this id. */
        public Builder projectId(String id) {
            return put(ConfigKey.PROJECT_ID, id);
        }

        /** The project's domain, by name. */
        public Builder projectDomainName(String name) {
            return put(ConfigKey.PROJECT_DOMAIN_NAME, name);
        }

        /** The project's domain, by id. */
        public Builder projectDomainId(String id) {
            return put(ConfigKey.PROJECT_DOMAIN_ID, id);
        }

        /** Scopes to the domain with this name. */
        public Builder domainName(String name) {
            return put(ConfigKey.DOMAIN_NAME, name);
        }

        /** Scopes to the domain with this id. */
        public Builder domainId(String id) {
            return put(ConfigKey.DOMAIN_ID, id);
        }

        /** Scopes to the whole system. */
        public Builder systemScope() {
            return put(ConfigKey.SYSTEM_SCOPE, "all");
        }

        /** An existing token to authenticate with. */
        public Builder token(String token) {
            return put(ConfigKey.TOKEN, token);
        }

        /** The application credential, by id. */
        public Builder applicationCredentialId(String id) {
            return put(ConfigKey.APPLICATION_CREDENTIAL_ID, id);
        }

        /** The application credential, by name (needs the owning user). */
        public Builder applicationCredentialName(String name) {
            return put(ConfigKey.APPLICATION_CREDENTIAL_NAME, name);
        }

        /** The application credential's secret. */
        public Builder applicationCredentialSecret(String secret) {
            return put(ConfigKey.APPLICATION_CREDENTIAL_SECRET, secret);
        }

        /** The region. */
        public Builder region(String region) {
            return put(ConfigKey.REGION, region);
        }

        /** The endpoint interface. */
        public Builder endpointInterface(EndpointInterface endpointInterface) {
            Objects.requireNonNull(endpointInterface, "endpointInterface");
            return put(ConfigKey.INTERFACE, endpointInterface.wireName());
        }

        /** The compute microversion: {@code 2.N}, {@code 2} or {@code latest}. */
        public Builder computeApiVersion(String version) {
            return put(ConfigKey.COMPUTE_API_VERSION, version);
        }

        /** A CA bundle to trust. */
        public Builder caCert(Path file) {
            return put(ConfigKey.CACERT, Objects.requireNonNull(file, "caCert").toString());
        }

        /** A client certificate. */
        public Builder clientCert(Path file) {
            return put(
                    ConfigKey.CERT, Objects.requireNonNull(file, "clientCert").toString());
        }

        /** The client certificate's key. */
        public Builder clientKey(Path file) {
            return put(ConfigKey.KEY, Objects.requireNonNull(file, "clientKey").toString());
        }

        /** Whether to skip server certificate checks; overrides {@code OS_INSECURE} and {@code verify}. */
        public Builder insecure(boolean insecure) {
            return put(ConfigKey.INSECURE, String.valueOf(insecure));
        }

        /** Uses {@code url} for {@code serviceType} instead of the catalog's endpoint. */
        public Builder endpointOverride(String serviceType, URI url) {
            DomainRef.requireText(serviceType, "serviceType");
            Objects.requireNonNull(url, "url");
            explicit.overrides.put(
                    serviceType.trim().toLowerCase(Locale.ROOT),
                    new CloudConfigLoader.Entry(url.toString(), "endpointOverride(" + serviceType + ", ..)"));
            return this;
        }

        private CloudConfigLoader.Request request() {
            return new CloudConfigLoader.Request(
                    environment != null ? environment : System.getenv(),
                    cloud,
                    configFile,
                    secureFile,
                    searchPaths,
                    explicit.copy());
        }

        /**
         * A new configuration; reads the files each time.
         *
         * @throws CloudConfigException naming what is missing, contradictory or malformed
         */
        public CloudConfig build() {
            return CloudConfigLoader.load(request());
        }

        /**
         * {@link #build()}, or empty when no cloud is selected and no auth URL is set (by this builder,
         * {@code OS_CLOUD} or {@code OS_AUTH_URL}).
         *
         * @throws CloudConfigException when something is configured but missing, contradictory or malformed
         */
        public Optional<CloudConfig> detect() {
            CloudConfigLoader.Request request = request();
            return CloudConfigLoader.isConfigured(request)
                    ? Optional.of(CloudConfigLoader.load(request))
                    : Optional.empty();
        }
    }
}
