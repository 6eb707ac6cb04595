package dev.novasdk.identity;

import dev.novasdk.core.endpoint.EndpointInterface;
import dev.novasdk.core.internal.HttpUrls;
import dev.novasdk.identity.CloudsYaml.YList;
import dev.novasdk.identity.CloudsYaml.YMap;
import dev.novasdk.identity.CloudsYaml.YNode;
import dev.novasdk.identity.CloudsYaml.YScalar;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the three sources of settings (builder, environment, one cloud of {@code clouds.yaml} plus
 * {@code secure.yaml}) into a validated {@link CloudConfig}. One instance per {@code build()}; not shared.
 */
final class CloudConfigLoader {
    static final String OS_CLOUD = "OS_CLOUD";
    static final String OS_CLIENT_CONFIG_FILE = "OS_CLIENT_CONFIG_FILE";
    static final String OS_CLIENT_SECURE_FILE = "OS_CLIENT_SECURE_FILE";

    private static final Pattern ENV_OVERRIDE = Pattern.compile("^OS_([A-Z0-9_]+)_ENDPOINT_OVERRIDE$");
    private static final Pattern YAML_OVERRIDE = Pattern.compile("^([a-z0-9_-]+)_endpoint_override$");
    private static final Pattern COMPUTE_VERSION = Pattern.compile("^(latest|[1-9]\\d*(\\.(0|[1-9]\\d*))?)$");

    /** One setting's value and where it came from, as messages name it ({@code OS_REGION_NAME}). */
    record Entry(String value, String origin) {}

    /** The settings of one source. */
    static final class Layer {
        final Map<ConfigKey, Entry> values = new EnumMap<>(ConfigKey.class);
        final Map<String, Entry> overrides = new TreeMap<>();

        Layer copy() {
            Layer l = new Layer();
            l.values.putAll(values);
            l.overrides.putAll(overrides);
            return l;
        }

        boolean hasGroup(String group) {
            for (ConfigKey k : values.keySet()) {
                if (k.group.equals(group)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the builder was told. {@code searchPaths} is null for the standard places. */
    record Request(
            Map<String, String> env,
            String cloud,
            Path configFile,
            Path secureFile,
            List<Path> searchPaths,
            Layer explicit) {}

    /** The selected cloud as read from the files. */
    private record FileCloud(
            String name,
            Path cloudsFile,
            Path secureFile,
            Layer layer,
            List<String> regions,
            String regionsOrigin,
            String profile) {
        String files() {
            return describeFiles(cloudsFile, secureFile);
        }
    }

    private final Request request;
    private final Layer env;
    private final FileCloud file;
    private final Map<ConfigKey, Entry> settings = new EnumMap<>(ConfigKey.class);
    private final Map<String, Entry> overrides = new TreeMap<>();
    private final Set<String> envUsed = new LinkedHashSet<>();
    private boolean explicitUsed;

    private CloudConfigLoader(Request request) {
        this.request = request;
        this.env = readEnvironment(request.env());
        String cloud = request.cloud();
        String via = "cloud(..)";
        if (cloud == null) {
            cloud = clean(request.env().get(OS_CLOUD));
            via = OS_CLOUD;
        }
        this.file = cloud == null ? null : readCloud(cloud, via);
        resolve();
    }

    /** Whether anything selects a cloud or names an auth URL; {@code detect()} needs no more. */
    static boolean isConfigured(Request request) {
        return request.cloud() != null
                || clean(request.env().get(OS_CLOUD)) != null
                || request.explicit().values.containsKey(ConfigKey.AUTH_URL)
                || clean(request.env().get(ConfigKey.AUTH_URL.envName())) != null;
    }

    static CloudConfig load(Request request) {
        return new CloudConfigLoader(request).interpret();
    }

    // ---------------------------------------------------------------- sources

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Secrets are used as given (a password may end in a space); other values are trimmed. */
    private static String clean(ConfigKey key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return key.secret ? value : value.trim();
    }

    private static Layer readEnvironment(Map<String, String> env) {
        Layer layer = new Layer();
        for (ConfigKey k : ConfigKey.values()) {
            Entry found = null;
            for (String name : k.envNames) {
                String v = clean(k, env.get(name));
                if (v == null) {
                    continue;
                }
                if (found == null) {
                    found = new Entry(v, name);
                } else if (!k.canonical(found.value()).equals(k.canonical(v))) {
                    throw new CloudConfigException(found.origin() + " and " + name + " are both set and differ"
                            + (k.secret ? "" : " ('" + found.value() + "' and '" + v + "')") + "; set only one");
                }
            }
            if (found != null) {
                layer.values.put(k, found);
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            Matcher m = ENV_OVERRIDE.matcher(e.getKey());
            String v = clean(e.getValue());
            if (m.matches() && v != null) {
                layer.overrides.put(serviceType(m.group(1)), new Entry(v, e.getKey()));
            }
        }
        return layer;
    }

    /** {@code BLOCK_STORAGE} and {@code block_storage} name the service type {@code block-storage}. */
    static String serviceType(String raw) {
        return raw.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<Path> defaultSearchPaths(Map<String, String> env) {
        String xdg = clean(env.get("XDG_CONFIG_HOME"));
        Path user = xdg != null
                ? Path.of(xdg, "openstack")
                : Path.of(System.getProperty("user.home"), ".config", "openstack");
        return List.of(Path.of("").toAbsolutePath(), user, Path.of("/etc/openstack"));
    }

    private List<Path> searchPaths() {
        return request.searchPaths() != null ? request.searchPaths() : defaultSearchPaths(request.env());
    }

    private static Path firstExisting(List<Path> dirs, String... names) {
        for (Path dir : dirs) {
            for (String name : names) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private static Path requireFile(Path path, String what) {
        if (!Files.isRegularFile(path)) {
            throw new CloudConfigException(what + " names " + path + ", which is not a file", path, 0, null);
        }
        return path;
    }

    private Path cloudsFile() {
        if (request.configFile() != null) {
            return requireFile(request.configFile(), "configFile(..)");
        }
        String fromEnv = clean(request.env().get(OS_CLIENT_CONFIG_FILE));
        if (fromEnv != null) {
            return requireFile(Path.of(fromEnv), OS_CLIENT_CONFIG_FILE);
        }
        return firstExisting(searchPaths(), "clouds.yaml", "clouds.yml");
    }

    private Path secureFile(Path cloudsFile) {
        if (request.secureFile() != null) {
            return requireFile(request.secureFile(), "secureFile(..)");
        }
        String fromEnv = clean(request.env().get(OS_CLIENT_SECURE_FILE));
        if (fromEnv != null) {
            return requireFile(Path.of(fromEnv), OS_CLIENT_SECURE_FILE);
        }
        List<Path> dirs = new ArrayList<>();
        if (cloudsFile != null && cloudsFile.toAbsolutePath().getParent() != null) {
            // Next to an explicitly named clouds.yaml first: that is where one keeps its secrets.
            dirs.add(cloudsFile.toAbsolutePath().getParent());
        }
        dirs.addAll(searchPaths());
        return firstExisting(dirs, "secure.yaml", "secure.yml");
    }

    private FileCloud readCloud(String cloud, String via) {
        Path cloudsFile = cloudsFile();
        Path secureFile = secureFile(cloudsFile);
        if (cloudsFile == null && secureFile == null) {
            throw new CloudConfigException("cloud '" + cloud + "' is selected (" + via + ") but no clouds.yaml was "
                    + "found in " + searchPaths() + "; put one there or name it with " + OS_CLIENT_CONFIG_FILE);
        }
        YMap root = cloudsFile == null ? new YMap(secureFile, 1, Map.of()) : CloudsYaml.read(cloudsFile);
        if (secureFile != null) {
            root = CloudsYaml.merge(root, CloudsYaml.read(secureFile));
        }
        Map<String, YNode> defined = Map.of();
        YNode clouds = root.entries().get("clouds");
        if (clouds instanceof YMap) {
            defined = ((YMap) clouds).entries();
        } else if (clouds != null && !isNull(clouds)) {
            throw typeError("clouds", clouds, "a mapping of cloud names to their settings");
        }
        String files = describeFiles(cloudsFile, secureFile);
        YNode node = defined.get(cloud);
        if (node == null) {
            throw new CloudConfigException(
                    "cloud '" + cloud + "' (" + via + ") is not defined in " + files + "; "
                            + (defined.isEmpty()
                                    ? "no clouds are defined there"
                                    : "defined clouds: " + String.join(", ", defined.keySet())),
                    cloudsFile != null ? cloudsFile : secureFile,
                    0,
                    null);
        }
        if (!(node instanceof YMap)) {
            throw typeError("clouds." + cloud, node, "a mapping of settings");
        }
        YMap c = (YMap) node;
        String prefix = "clouds." + cloud + ".";
        Layer layer = new Layer();
        for (ConfigKey k : ConfigKey.values()) {
            Entry found = null;
            for (String path : k.yamlPaths) {
                YScalar s = scalarAt(c, prefix, path);
                String v = s == null ? null : clean(k, s.text());
                if (v == null) {
                    continue;
                }
                Entry e = new Entry(v, prefix + path + " in " + s.where());
                if (found == null) {
                    found = e;
                } else if (!k.canonical(found.value()).equals(k.canonical(v))) {
                    throw new CloudConfigException(
                            found.origin() + " and " + e.origin() + " differ"
                                    + (k.secret ? "" : " ('" + found.value() + "' and '" + v + "')") + "; set only one",
                            s.file(),
                            s.line(),
                            null);
                }
            }
            if (found != null) {
                layer.values.put(k, found);
            }
        }
        YScalar verify = scalarAt(c, prefix, "verify");
        if (verify != null && verify.text() != null) {
            String origin = prefix + "verify in " + verify.where();
            String insecure = String.valueOf(!parseBoolean(new Entry(verify.text(), origin)));
            Entry explicitInsecure = layer.values.get(ConfigKey.INSECURE);
            if (explicitInsecure != null && parseBoolean(explicitInsecure) != Boolean.parseBoolean(insecure)) {
                throw new CloudConfigException(
                        origin + " and " + explicitInsecure.origin() + " contradict each other; " + "set only one",
                        verify.file(),
                        verify.line(),
                        null);
            }
            layer.values.put(ConfigKey.INSECURE, new Entry(insecure, origin));
        }
        for (Map.Entry<String, YNode> e : c.entries().entrySet()) {
            Matcher m = YAML_OVERRIDE.matcher(e.getKey());
            if (m.matches()) {
                YScalar s = scalar(prefix + e.getKey(), e.getValue());
                String v = s == null ? null : clean(s.text());
                if (v != null) {
                    layer.overrides.put(
                            serviceType(m.group(1)), new Entry(v, prefix + e.getKey() + " in " + s.where()));
                }
            }
        }
        List<String> regions = new ArrayList<>();
        String regionsOrigin = null;
        YNode r = c.entries().get("regions");
        if (r instanceof YList) {
            regionsOrigin = prefix + "regions in " + r.where();
            for (YNode item : ((YList) r).items()) {
                YNode name = item instanceof YMap ? ((YMap) item).entries().get("name") : item;
                YScalar s = name == null ? null : scalar(prefix + "regions[].name", name);
                if (s == null || clean(s.text()) == null) {
                    throw typeError(prefix + "regions[]", item, "a region name or a mapping with a name");
                }
                regions.add(clean(s.text()));
            }
        } else if (r != null && !isNull(r)) {
            throw typeError(prefix + "regions", r, "a list of region names");
        }
        YScalar profile = scalarAt(c, prefix, "profile");
        return new FileCloud(
                cloud,
                cloudsFile,
                secureFile,
                layer,
                List.copyOf(regions),
                regionsOrigin,
                profile == null ? null : clean(profile.text()));
    }

    private static String describeFiles(Path cloudsFile, Path secureFile) {
        if (cloudsFile == null) {
            return secureFile.toString();
        }
        return secureFile == null ? cloudsFile.toString() : cloudsFile + " and " + secureFile;
    }

    private static boolean isNull(YNode n) {
        return n instanceof YScalar && ((YScalar) n).text() == null;
    }

    private static CloudConfigException typeError(String key, YNode node, String expected) {
        return new CloudConfigException(
                key + " in " + node.where() + " must be " + expected + ", got " + node.kind(),
                node.file(),
                node.line(),
                null);
    }

    private static YScalar scalar(String key, YNode node) {
        if (node instanceof YScalar) {
            return (YScalar) node;
        }
        throw typeError(key, node, "a single value");
    }

    /** The scalar at a dotted path; openstacksdk also accepts dashes for underscores ({@code project-name}). */
    private static YScalar scalarAt(YMap map, String prefix, String path) {
        String[] parts = path.split("\\.");
        YMap current = map;
        String at = prefix;
        for (int i = 0; i < parts.length; i++) {
            YNode n = current.entries().get(parts[i]);
            if (n == null) {
                n = current.entries().get(parts[i].replace('_', '-'));
            }
            if (n == null || isNull(n)) {
                return null;
            }
            at += parts[i];
            if (i == parts.length - 1) {
                return scalar(at, n);
            }
            if (!(n instanceof YMap)) {
                throw typeError(at, n, "a mapping");
            }
            current = (YMap) n;
            at += ".";
        }
        return null;
    }

    /** Per group, the highest-precedence source that sets any key of it supplies all of them. */
    private void resolve() {
        List<Layer> layers = new ArrayList<>();
        layers.add(request.explicit());
        layers.add(env);
        if (file != null) {
            layers.add(file.layer());
        }
        Set<String> groups = new LinkedHashSet<>();
        for (ConfigKey k : ConfigKey.values()) {
            groups.add(k.group);
        }
        for (String group : groups) {
            for (Layer layer : layers) {
                if (layer.hasGroup(group)) {
                    layer.values.forEach((k, v) -> {
                        if (k.group.equals(group)) {
                            settings.put(k, v);
                            noteUse(layer, v);
                        }
                    });
                    break;
                }
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.overrides.forEach((type, e) -> overrides.put(type, e));
        }
        overrides.values().forEach(e -> {
            if (request.explicit().overrides.containsValue(e)) {
                explicitUsed = true;
            } else if (env.overrides.containsValue(e)) {
                envUsed.add(e.origin());
            }
        });
    }

    private void noteUse(Layer layer, Entry e) {
        if (layer == request.explicit()) {
            explicitUsed = true;
        } else if (layer == env) {
            envUsed.add(e.origin());
        }
    }

    // ---------------------------------------------------------------- interpretation

    private Entry get(ConfigKey k) {
        return settings.get(k);
    }

    private boolean has(ConfigKey... keys) {
        for (ConfigKey k : keys) {
            if (settings.containsKey(k)) {
                return true;
            }
        }
        return false;
    }

    /** "OS_PASSWORD is not set", or where the selected cloud should have said it. */
    private String missing(ConfigKey key, ConfigKey alternative) {
        String envNames = key.envName() + (alternative == null ? "" : " (or " + alternative.envName() + ")");
        if (file == null) {
            return envNames + " is not set";
        }
        String yamlNames = key.yamlName() + (alternative == null ? "" : " (or " + alternative.yamlName() + ")");
        return yamlNames + " is not set for cloud '" + file.name() + "' in " + file.files() + " (nor is " + envNames
                + ")";
    }

    private enum AuthKind {
        PASSWORD,
        TOKEN,
        APPLICATION_CREDENTIAL
    }

    private CloudConfig interpret() {
        // Kind and version from the auth type first: what is missing depends on them.
        Entry typeEntry = get(ConfigKey.AUTH_TYPE);
        AuthKind kind;
        KeystoneProtocol.Version typeVersion = null;
        if (typeEntry == null) {
            if (has(
                    ConfigKey.APPLICATION_CREDENTIAL_ID,
                    ConfigKey.APPLICATION_CREDENTIAL_NAME,
                    ConfigKey.APPLICATION_CREDENTIAL_SECRET)) {
                kind = AuthKind.APPLICATION_CREDENTIAL;
            } else if (!has(ConfigKey.PASSWORD) && has(ConfigKey.TOKEN)) {
                kind = AuthKind.TOKEN;
            } else {
                kind = AuthKind.PASSWORD;
            }
        } else {
            switch (typeEntry.value().toLowerCase(Locale.ROOT)) {
                case "password":
                    kind = AuthKind.PASSWORD;
                    break;
                case "v3password":
                    kind = AuthKind.PASSWORD;
                    typeVersion = KeystoneProtocol.Version.V3;
                    break;
                case "v2password":
                    kind = AuthKind.PASSWORD;
                    typeVersion = KeystoneProtocol.Version.V2;
                    break;
                case "token":
                    kind = AuthKind.TOKEN;
                    break;
                case "v3token":
                    kind = AuthKind.TOKEN;
                    typeVersion = KeystoneProtocol.Version.V3;
                    break;
                case "v2token":
                    kind = AuthKind.TOKEN;
                    typeVersion = KeystoneProtocol.Version.V2;
                    break;
                case "applicationcredential":
                case "v3applicationcredential":
                    kind = AuthKind.APPLICATION_CREDENTIAL;
                    typeVersion = KeystoneProtocol.Version.V3;
                    break;
                default:
                    throw new CloudConfigException(typeEntry.origin() + ": auth type '" + typeEntry.value()
                            + "' is not supported; use password, v3password, v2password, token, v3token, v2token, "
                            + "v3applicationcredential or applicationcredential");
            }
        }

        List<String> problems = new ArrayList<>();
        if (!has(ConfigKey.AUTH_URL)) {
            problems.add(missing(ConfigKey.AUTH_URL, null));
        }
        switch (kind) {
            case PASSWORD:
                if (!has(ConfigKey.USERNAME, ConfigKey.USER_ID)) {
                    problems.add(missing(ConfigKey.USERNAME, ConfigKey.USER_ID));
                }
                if (!has(ConfigKey.PASSWORD)) {
                    problems.add(missing(ConfigKey.PASSWORD, null));
                }
                break;
            case TOKEN:
                if (!has(ConfigKey.TOKEN)) {
                    problems.add(missing(ConfigKey.TOKEN, null));
                }
                break;
            default:
                if (!has(ConfigKey.APPLICATION_CREDENTIAL_ID, ConfigKey.APPLICATION_CREDENTIAL_NAME)) {
                    problems.add(missing(ConfigKey.APPLICATION_CREDENTIAL_ID, ConfigKey.APPLICATION_CREDENTIAL_NAME));
                }
                if (!has(ConfigKey.APPLICATION_CREDENTIAL_SECRET)) {
                    problems.add(missing(ConfigKey.APPLICATION_CREDENTIAL_SECRET, null));
                }
                break;
        }
        if (!problems.isEmpty()) {
            String message = String.join("; ", problems);
            if (file == null && !has(ConfigKey.AUTH_URL)) {
                message += hintWithoutCloud();
            } else if (file != null && !has(ConfigKey.AUTH_URL) && file.profile() != null) {
                message += "; vendor profiles (profile: " + file.profile() + ") are not supported, set auth_url";
            }
            throw new CloudConfigException(message);
        }

        URI authUrl = url(get(ConfigKey.AUTH_URL));
        KeystoneProtocol.Version version = version(authUrl, typeEntry, typeVersion);
        KeystoneAuth auth = auth(kind, version);

        String region = regionOf();
        EndpointInterface iface = EndpointInterface.PUBLIC;
        Entry i = get(ConfigKey.INTERFACE);
        if (i != null) {
            try {
                iface = EndpointInterface.parse(i.value());
            } catch (IllegalArgumentException e) {
                throw new CloudConfigException(i.origin() + ": " + e.getMessage());
            }
        }
        boolean insecure = get(ConfigKey.INSECURE) != null && parseBoolean(get(ConfigKey.INSECURE));
        Path caCert = path(get(ConfigKey.CACERT));
        Path cert = path(get(ConfigKey.CERT));
        Path key = path(get(ConfigKey.KEY));
        if (key != null && cert == null) {
            throw new CloudConfigException(get(ConfigKey.KEY).origin() + " is set but there is no client certificate ("
                    + ConfigKey.CERT.envName() + " / " + ConfigKey.CERT.yamlName() + ")");
        }
        String compute = null;
        Entry c = get(ConfigKey.COMPUTE_API_VERSION);
        if (c != null) {
            compute = c.value().equalsIgnoreCase("latest") ? "latest" : c.value();
            if (!COMPUTE_VERSION.matcher(compute).matches()) {
                throw new CloudConfigException(c.origin() + ": '" + c.value() + "' is not a compute API version; use "
                        + "2.N (e.g. 2.79), 2 or latest");
            }
        }
        Map<String, URI> endpointOverrides = new TreeMap<>();
        overrides.forEach((type, e) -> endpointOverrides.put(type, url(e)));

        return new CloudConfig(
                file == null ? null : file.name(),
                source(),
                authUrl,
                auth,
                region,
                iface,
                caCert,
                cert,
                key,
                insecure,
                compute,
                endpointOverrides);
    }

    private String hintWithoutCloud() {
        Path found = firstExisting(searchPaths(), "clouds.yaml", "clouds.yml");
        String fromEnv = clean(request.env().get(OS_CLIENT_CONFIG_FILE));
        if (fromEnv != null) {
            found = Path.of(fromEnv);
        }
        if (request.configFile() != null) {
            found = request.configFile();
        }
        if (found != null) {
            return "; no cloud is selected: set OS_CLOUD (or cloud(..)) to one of the clouds in " + found;
        }
        return "; set the OS_* variables (source an openrc file) or select a cloud from clouds.yaml with OS_CLOUD";
    }

    private String source() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append("cloud '").append(file.name()).append("' in ").append(file.files());
            if (!envUsed.isEmpty()) {
                sb.append(", with ").append(String.join(", ", envUsed)).append(" from the environment");
            }
            if (explicitUsed) {
                sb.append(envUsed.isEmpty() ? ", with" : " and").append(" builder settings");
            }
        } else if (!envUsed.isEmpty()) {
            sb.append("environment");
            if (explicitUsed) {
                sb.append(" and builder settings");
            }
        } else {
            sb.append("builder settings");
        }
        return sb.toString();
    }

    private static URI url(Entry e) {
        URI u;
        try {
            u = new URI(e.value());
        } catch (URISyntaxException ex) {
            throw new CloudConfigException(e.origin() + ": '" + e.value() + "' is not a valid URL: " + ex.getReason());
        }
        String problem = HttpUrls.problem(u);
        if (problem != null) {
            throw new CloudConfigException(e.origin() + ": '" + e.value()
                    + "' is not an absolute http(s) URL with a host and a valid port: " + problem);
        }
        return u;
    }

    private static boolean parseBoolean(Entry e) {
        switch (e.value().trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
            case "1":
                return true;
            case "false":
            case "no":
            case "off":
            case "0":
                return false;
            default:
                throw new CloudConfigException(
                        e.origin() + ": '" + e.value() + "' is not a boolean; use true or false");
        }
    }

    private static Path path(Entry e) {
        if (e == null) {
            return null;
        }
        Path p;
        try {
            p = Path.of(e.value());
        } catch (java.nio.file.InvalidPathException ex) {
            throw new CloudConfigException(e.origin() + ": '" + e.value() + "' is not a valid path");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new CloudConfigException(e.origin() + " names " + p + ", which is not a readable file");
        }
        return p;
    }

    private String regionOf() {
        Entry r = get(ConfigKey.REGION);
        List<String> known = file == null ? List.of() : file.regions();
        if (r == null) {
            return known.size() == 1 ? known.get(0) : null;
        }
        if (!known.isEmpty() && !known.contains(r.value())) {
            throw new CloudConfigException(r.origin() + ": region '" + r.value() + "' is not one of the regions of "
                    + "cloud '" + file.name() + "' (" + file.regionsOrigin() + "): " + String.join(", ", known));
        }
        return r.value();
    }

    private KeystoneProtocol.Version version(URI authUrl, Entry typeEntry, KeystoneProtocol.Version typeVersion) {
        KeystoneProtocol.IdentityEndpoint fromPath = KeystoneProtocol.fromPath(authUrl);
        KeystoneProtocol.Version urlVersion = fromPath == null ? null : fromPath.version();
        Entry urlEntry = get(ConfigKey.AUTH_URL);
        KeystoneProtocol.Version idVersion = null;
        Entry id = get(ConfigKey.IDENTITY_API_VERSION);
        if (id != null) {
            switch (id.value().toLowerCase(Locale.ROOT)) {
                case "3":
                case "3.0":
                case "v3":
                case "v3.0":
                    idVersion = KeystoneProtocol.Version.V3;
                    break;
                case "2":
                case "2.0":
                case "v2":
                case "v2.0":
                    idVersion = KeystoneProtocol.Version.V2;
                    break;
                default:
                    throw new CloudConfigException(
                            id.origin() + ": '" + id.value() + "' is not an identity API " + "version; use 3 (or 2.0)");
            }
        }
        if (urlVersion != null && typeVersion != null && urlVersion != typeVersion) {
            throw new CloudConfigException("auth type '" + typeEntry.value() + "' (" + typeEntry.origin() + ") needs "
                    + "Keystone " + typeVersion.label + " but the auth URL (" + urlEntry.origin() + ") is "
                    + urlVersion.label);
        }
        if (urlVersion != null && idVersion != null && urlVersion != idVersion) {
            throw new CloudConfigException("identity API version '" + id.value() + "' (" + id.origin() + ") "
                    + "contradicts the auth URL (" + urlEntry.origin() + "), which is " + urlVersion.label);
        }
        if (typeVersion != null && idVersion != null && typeVersion != idVersion) {
            throw new CloudConfigException("identity API version '" + id.value() + "' (" + id.origin() + ") "
                    + "contradicts auth type '" + typeEntry.value() + "' (" + typeEntry.origin() + ")");
        }
        return urlVersion != null ? urlVersion : typeVersion != null ? typeVersion : idVersion;
    }

    private static final List<ConfigKey> SCOPE_KEYS = List.of(
            ConfigKey.PROJECT_ID,
            ConfigKey.PROJECT_NAME,
            ConfigKey.DOMAIN_ID,
            ConfigKey.DOMAIN_NAME,
            ConfigKey.SYSTEM_SCOPE);

    private KeystoneAuth auth(AuthKind kind, KeystoneProtocol.Version version) {
        // openstacksdk's default_domain: fills the user's and the project's domain when they are not given.
        // Keystone v2.0 has no domains, so it is ignored there.
        DomainRef defaultDomain = null;
        if (version != KeystoneProtocol.Version.V2) {
            if (has(ConfigKey.DEFAULT_DOMAIN_ID)) {
                defaultDomain = DomainRef.id(get(ConfigKey.DEFAULT_DOMAIN_ID).value());
            } else if (has(ConfigKey.DEFAULT_DOMAIN_NAME)) {
                defaultDomain =
                        DomainRef.name(get(ConfigKey.DEFAULT_DOMAIN_NAME).value());
            }
        }
        Entry system = get(ConfigKey.SYSTEM_SCOPE);
        if (system != null && !system.value().equalsIgnoreCase("all")) {
            throw new CloudConfigException(system.origin() + ": system scope '" + system.value() + "' is not "
                    + "supported; the only system scope is 'all'");
        }
        List<ConfigKey> used = new ArrayList<>();
        try {
            KeystoneAuth auth;
            switch (kind) {
                case PASSWORD: {
                    KeystoneAuth.PasswordBuilder b = KeystoneAuth.password();
                    set(ConfigKey.USER_ID, b::userId, used);
                    set(ConfigKey.USERNAME, b::username, used);
                    userDomain(b::userDomainId, b::userDomainName, defaultDomain, used);
                    b.password(get(ConfigKey.PASSWORD).value());
                    scope(b, defaultDomain, used);
                    auth = b.build();
                    break;
                }
                case TOKEN: {
                    KeystoneAuth.TokenBuilder b = KeystoneAuth.token();
                    b.tokenId(get(ConfigKey.TOKEN).value());
                    scope(b, defaultDomain, used);
                    auth = b.build();
                    break;
                }
                default: {
                    List<String> scopeOrigins = new ArrayList<>();
                    for (ConfigKey k : SCOPE_KEYS) {
                        if (has(k)) {
                            scopeOrigins.add(get(k).origin());
                        }
                    }
                    if (!scopeOrigins.isEmpty()) {
                        throw new CloudConfigException("an application credential is bound to its own project and "
                                + "takes no scope; remove " + String.join(", ", scopeOrigins));
                    }
                    KeystoneAuth.ApplicationCredentialBuilder b = KeystoneAuth.applicationCredential();
                    set(ConfigKey.APPLICATION_CREDENTIAL_ID, b::id, used);
                    set(ConfigKey.APPLICATION_CREDENTIAL_NAME, b::name, used);
                    b.secret(get(ConfigKey.APPLICATION_CREDENTIAL_SECRET).value());
                    set(ConfigKey.USER_ID, b::userId, used);
                    set(ConfigKey.USERNAME, b::username, used);
                    userDomain(b::userDomainId, b::userDomainName, defaultDomain, used);
                    auth = b.build();
                    break;
                }
            }
            if (version == KeystoneProtocol.Version.V3) {
                auth.checkForV3();
            } else if (version == KeystoneProtocol.Version.V2) {
                auth.checkForV2();
            }
            return auth;
        } catch (CloudConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // KeystoneAuth's messages name the contradiction; add where the settings came from. None of them
            // carries a value of a secret setting.
            Set<String> origins = new LinkedHashSet<>();
            for (ConfigKey k : used) {
                origins.add(get(k).origin());
            }
            Entry url = get(ConfigKey.AUTH_URL);
            if (e.getMessage() != null && e.getMessage().contains("auth URL")) {
                origins.add(url.origin());
            }
            throw new CloudConfigException(
                    e.getMessage() + (origins.isEmpty() ? "" : " (settings from " + String.join(", ", origins) + ")"));
        }
    }

    private void set(ConfigKey k, java.util.function.Consumer<String> setter, List<ConfigKey> used) {
        Entry e = get(k);
        if (e != null) {
            setter.accept(e.value());
            used.add(k);
        }
    }

    private void userDomain(
            java.util.function.Consumer<String> byId,
            java.util.function.Consumer<String> byName,
            DomainRef defaultDomain,
            List<ConfigKey> used) {
        if (has(ConfigKey.USER_DOMAIN_ID, ConfigKey.USER_DOMAIN_NAME)) {
            set(ConfigKey.USER_DOMAIN_ID, byId, used);
            set(ConfigKey.USER_DOMAIN_NAME, byName, used);
        } else if (defaultDomain != null && has(ConfigKey.USERNAME)) {
            applyDomain(defaultDomain, byId, byName, used);
        }
    }

    private void applyDomain(
            DomainRef domain,
            java.util.function.Consumer<String> byId,
            java.util.function.Consumer<String> byName,
            List<ConfigKey> used) {
        if (domain.domainId().isPresent()) {
            byId.accept(domain.domainId().get());
            used.add(ConfigKey.DEFAULT_DOMAIN_ID);
        } else {
            byName.accept(domain.domainName().orElseThrow());
            used.add(ConfigKey.DEFAULT_DOMAIN_NAME);
        }
    }

    private <B extends KeystoneAuth.ScopedBuilder<B>> void scope(B b, DomainRef defaultDomain, List<ConfigKey> used) {
        set(ConfigKey.PROJECT_ID, b::projectId, used);
        set(ConfigKey.PROJECT_NAME, b::projectName, used);
        set(ConfigKey.DOMAIN_ID, b::domainId, used);
        set(ConfigKey.DOMAIN_NAME, b::domainName, used);
        if (has(ConfigKey.SYSTEM_SCOPE)) {
            b.systemScope();
            used.add(ConfigKey.SYSTEM_SCOPE);
        }
        // A project domain only qualifies a project name; like keystoneauth, ignore it otherwise (admin openrc
        // files keep OS_PROJECT_DOMAIN_ID when switched to system scope).
        if (has(ConfigKey.PROJECT_NAME)) {
            if (has(ConfigKey.PROJECT_DOMAIN_ID, ConfigKey.PROJECT_DOMAIN_NAME)) {
                set(ConfigKey.PROJECT_DOMAIN_ID, b::projectDomainId, used);
                set(ConfigKey.PROJECT_DOMAIN_NAME, b::projectDomainName, used);
            } else if (defaultDomain != null) {
                applyDomain(defaultDomain, b::projectDomainId, b::projectDomainName, used);
            }
        }
    }
}
