package dev.novasdk.testkit;

import dev.novasdk.testkit.CloudState.Domain;
import dev.novasdk.testkit.CloudState.Flavor;
import dev.novasdk.testkit.CloudState.Keypair;
import dev.novasdk.testkit.CloudState.Project;
import dev.novasdk.testkit.CloudState.Role;
import dev.novasdk.testkit.CloudState.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A cloud's initial contents read from a seed file (YAML, or JSON, which SnakeYAML reads as YAML): projects,
 * roles, users with their role assignments, flavors, images, keypairs and the per-project quota. Parsed and
 * checked whole when the builder is given the file, so a mistake is reported before any port is bound.
 * {@code default-seed.yaml} next to this class is the lab's contents and documents the format.
 */
final class Seed {
    /** The bundled seed: what the lab's {@code start.sh} creates. */
    static final String DEFAULT_RESOURCE = "default-seed.yaml";

    private static final Set<String> TOP_KEYS =
            Set.of("region", "roles", "projects", "users", "flavors", "images", "keypairs", "quotas");

    final String source;
    final String region;
    final List<String> roles = new ArrayList<>();
    final List<String[]> projects = new ArrayList<>(); // name, description
    final List<UserSeed> users = new ArrayList<>();
    final List<Flavor> flavors = new ArrayList<>();
    final List<String[]> images = new ArrayList<>(); // name, status, owner project (null: the first project)
    final List<String[]> keypairs = new ArrayList<>(); // name, user, public key (null: the shared lab key)
    final int[] quota; // instances, cores, RAM MB; null: the builder's

    static final class UserSeed {
        final String name;
        final String password;
        final Map<String, List<String>> projectRoles;
        final List<String> systemRoles;

        UserSeed(String name, String password, Map<String, List<String>> projectRoles, List<String> systemRoles) {
            this.name = name;
            this.password = password;
            this.projectRoles = projectRoles;
            this.systemRoles = systemRoles;
        }
    }

    /** Reads and checks a seed file. */
    static Seed read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed file " + file, e);
        }
        return parse(text, file.toString());
    }

    /** The seed bundled with the testkit, matching the lab. */
    static Seed lab() {
        try (InputStream in = Seed.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the testkit jar lacks " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + DEFAULT_RESOURCE, e);
        }
    }

    /** Parses seed text; {@code source} names it in error messages. */
    static Seed parse(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(4 * 1024 * 1024);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            // Not e.getMessage(): SnakeYAML quotes the offending line, which may hold a password.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new IllegalArgumentException("seed " + source + ": malformed YAML or JSON" + at + ": "
                    + (e.getProblem() == null ? "invalid syntax" : e.getProblem()));
        } catch (YAMLException e) {
            throw new IllegalArgumentException("seed " + source + ": malformed YAML or JSON");
        }
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("seed " + source + ": the document must be a mapping (users: ...)");
        }
        return new Seed(source, (Map<?, ?>) root);
    }

    private Seed(String source, Map<?, ?> root) {
        this.source = source;
        for (Object k : root.keySet()) {
            if (!TOP_KEYS.contains(String.valueOf(k))) {
                throw fail("unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(TOP_KEYS));
            }
        }
        this.region = root.containsKey("region") ? string(root.get("region"), "region") : null;
        for (Object r : list(root, "roles")) {
            roles.add(string(r, "roles[]"));
        }
        for (String implied : List.of("admin", "member", "reader")) {
            if (!roles.contains(implied)) {
                roles.add(implied);
            }
        }
        List<Object> projectList = list(root, "projects");
        for (int i = 0; i < projectList.size(); i++) {
            Map<?, ?> p = map(projectList.get(i), "projects[" + i + "]");
            String where = "projects[" + i + "]";
            keys(p, where, "name", "description");
            projects.add(new String[] {
                required(p, "name", where), p.get("description") == null ? null : string(p.get("description"), where)
            });
        }
        if (projects.isEmpty()) {
            throw fail("at least one project is needed");
        }
        List<Object> userList = list(root, "users");
        for (int i = 0; i < userList.size(); i++) {
            users.add(user(map(userList.get(i), "users[" + i + "]"), "users[" + i + "]"));
        }
        if (users.isEmpty()) {
            throw fail("at least one user is needed (the first is the one the server prints)");
        }
        List<Object> flavorList = list(root, "flavors");
        for (int i = 0; i < flavorList.size(); i++) {
            flavors.add(flavor(map(flavorList.get(i), "flavors[" + i + "]"), "flavors[" + i + "]"));
        }
        List<Object> imageList = list(root, "images");
        for (int i = 0; i < imageList.size(); i++) {
            String where = "images[" + i + "]";
            Map<?, ?> m = map(imageList.get(i), where);
            keys(m, where, "name", "status", "owner");
            String owner = m.get("owner") == null ? null : string(m.get("owner"), where + ".owner");
            if (owner != null) {
                project(owner, where + ".owner");
            }
            images.add(new String[] {
                required(m, "name", where),
                m.get("status") == null
                        ? "active"
                        : string(m.get("status"), where + ".status").toLowerCase(Locale.ROOT),
                owner
            });
        }
        List<Object> keypairList = list(root, "keypairs");
        for (int i = 0; i < keypairList.size(); i++) {
            String where = "keypairs[" + i + "]";
            Map<?, ?> m = map(keypairList.get(i), where);
            keys(m, where, "name", "user", "public_key");
            String user = required(m, "user", where);
            if (users.stream().noneMatch(u -> u.name.equals(user))) {
                throw fail(where + ".user: no user named '" + user + "'");
            }
            String publicKey = m.get("public_key") == null ? null : string(m.get("public_key"), where);
            if (publicKey != null && ComputeService.fingerprint(publicKey, "ssh") == null) {
                throw fail(where + ".public_key is not an OpenSSH public key");
            }
            keypairs.add(new String[] {required(m, "name", where), user, publicKey});
        }
        if (root.get("quotas") == null) {
            this.quota = null;
        } else {
            Map<?, ?> q = map(root.get("quotas"), "quotas");
            keys(q, "quotas", "instances", "cores", "ram");
            this.quota = new int[] {
                integer(q.get("instances"), "quotas.instances", 10),
                integer(q.get("cores"), "quotas.cores", 20),
                integer(q.get("ram"), "quotas.ram", 51200)
            };
        }
    }

    private UserSeed user(Map<?, ?> m, String where) {
        keys(m, where, "name", "password", "roles", "system_roles");
        Map<String, List<String>> projectRoles = new LinkedHashMap<>();
        if (m.get("roles") != null) {
            Map<?, ?> r = map(m.get("roles"), where + ".roles");
            for (Map.Entry<?, ?> e : r.entrySet()) {
                String project = string(e.getKey(), where + ".roles");
                project(project, where + ".roles");
                projectRoles.put(project, roleNames(e.getValue(), where + ".roles." + project));
            }
        }
        List<String> system =
                m.get("system_roles") == null ? List.of() : roleNames(m.get("system_roles"), where + ".system_roles");
        return new UserSeed(required(m, "name", where), required(m, "password", where), projectRoles, system);
    }

    private List<String> roleNames(Object value, String where) {
        if (!(value instanceof List)) {
            throw fail(where + " must be a list of role names");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) value) {
            String name = string(o, where);
            if (!roles.contains(name)) {
                throw fail(where + ": no role named '" + name + "' (declare it under roles)");
            }
            out.add(name);
        }
        return out;
    }

    private Flavor flavor(Map<?, ?> m, String where) {
        keys(m, where, "id", "name", "ram", "vcpus", "disk", "swap", "ephemeral", "is_public", "description");
        boolean isPublic = m.get("is_public") == null || Boolean.TRUE.equals(m.get("is_public"));
        return new Flavor(
                required(m, "id", where),
                required(m, "name", where),
                integer(m.get("ram"), where + ".ram", null),
                integer(m.get("vcpus"), where + ".vcpus", null),
                integer(m.get("disk"), where + ".disk", 0),
                integer(m.get("swap"), where + ".swap", 0),
                integer(m.get("ephemeral"), where + ".ephemeral", 0),
                isPublic,
                m.get("description") == null ? null : string(m.get("description"), where + ".description"),
                new LinkedHashMap<>(),
                1.0);
    }

    private void project(String name, String where) {
        if (projects.stream().noneMatch(p -> p[0].equals(name))) {
            throw fail(where + ": no project named '" + name + "'");
        }
    }

    // ------------------------------------------------------------------ applying

    /** Fills an empty state with this seed's contents. */
    void apply(CloudState state, FakeCloud cloud) {
        Domain domain = new Domain("default", "Default");
        state.domains.put(domain.id, domain);
        for (String name : roles) {
            state.roles.put(name, new Role(CloudState.hexId(), name));
        }
        Map<String, Project> byName = new LinkedHashMap<>();
        for (String[] p : projects) {
            Project project = new Project(CloudState.hexId(), p[0], domain, p[1]);
            state.projects.put(project.id, project);
            byName.put(project.name, project);
        }
        Map<String, User> usersByName = new LinkedHashMap<>();
        for (UserSeed u : users) {
            User user = new User(CloudState.hexId(), u.name, u.password, domain);
            u.projectRoles.forEach((project, names) -> user.projectRoles.put(
                    byName.get(project).id,
                    names.stream().map(state.roles::get).collect(java.util.stream.Collectors.toList())));
            u.systemRoles.forEach(r -> user.systemRoles.add(state.roles.get(r)));
            state.users.put(user.id, user);
            usersByName.put(user.name, user);
        }
        Instant now = CloudState.seconds(state.now());
        for (String[] k : keypairs) {
            User user = usersByName.get(k[1]);
            String publicKey = k[2] == null ? FakeCloud.LabKey.PUBLIC_KEY : k[2].trim();
            state.keypairs
                    .computeIfAbsent(user.id, x -> new LinkedHashMap<>())
                    .put(
                            k[0],
                            new Keypair(
                                    ++state.keypairSeq,
                                    k[0],
                                    user.id,
                                    publicKey,
                                    ComputeService.fingerprint(publicKey, "ssh"),
                                    "ssh",
                                    now));
        }
        for (Flavor f : flavors) {
            state.flavors.put(f.id, f);
        }
        String firstProject = byName.values().iterator().next().id;
        for (String[] i : images) {
            cloud.addImage(i[0], i[1], i[2] == null ? firstProject : byName.get(i[2]).id, now);
        }
    }

    // ------------------------------------------------------------------ helpers

    private IllegalArgumentException fail(String message) {
        return new IllegalArgumentException("seed " + source + ": " + message);
    }

    private List<Object> list(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List)) {
            throw fail(key + " must be a list");
        }
        return new ArrayList<>((List<?>) v);
    }

    private Map<?, ?> map(Object v, String where) {
        if (!(v instanceof Map)) {
            throw fail(where + " must be a mapping");
        }
        return (Map<?, ?>) v;
    }

    private void keys(Map<?, ?> m, String where, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Object k : m.keySet()) {
            if (!ok.contains(String.valueOf(k))) {
                throw fail(where + ": unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(ok));
            }
        }
    }

    private String required(Map<?, ?> m, String key, String where) {
        Object v = m.get(key);
        if (v == null) {
            throw fail(where + "." + key + " is required");
        }
        String s = string(v, where + "." + key);
        if (s.isEmpty()) {
            throw fail(where + "." + key + " must not be empty");
        }
        return s;
    }

    private String string(Object v, String where) {
        // Numbers are accepted as text, so flavor ids can be written 1 as well as "1".
        if (v instanceof String || v instanceof Number) {
            return String.valueOf(v);
        }
        throw fail(where + " must be a string");
    }

    private int integer(Object v, String where, Integer dflt) {
        if (v == null) {
            if (dflt == null) {
                throw fail(where + " is required");
            }
            return dflt;
        }
        if (!(v instanceof Integer) || (Integer) v < 0) {
            throw fail(where + " must be a whole number of at least 0");
        }
        return (Integer) v;
    }
}
