package dev.novasdk.testkit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Everything a {@link FakeCloud} remembers. One lock (this object's monitor) guards it all: the services
 * are fast and a test cloud is small, so a single lock keeps concurrent requests consistent without any
 * lock-ordering puzzles.
 */
final class CloudState {
    static final DateTimeFormatter SECONDS_Z =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    // Nova and Keystone print six fraction digits, but the lab's MariaDB (and Keystone's fernet tokens) keep
    // whole seconds, so they are always zero: "2026-12-03T08:52:49.000000". A ticking clock has fractions,
    // which must not show.
    static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000000'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter MICROS_Z =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.000000Z'").withZone(ZoneOffset.UTC);

    static final SecureRandom RANDOM = new SecureRandom();

    final Clock clock;
    final Duration tokenLifetime;
    final Duration stepDuration;
    final boolean instantBoot;
    final boolean instantDelete;
    /** How long a deleted server reads DELETED (and uses quota) before it 404s; set once, before serving. */
    Duration deletedReadableFor = Duration.ofSeconds(4);

    final String hostName = "fakecloud";

    final Map<String, Domain> domains = new LinkedHashMap<>();
    final Map<String, Project> projects = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Role> roles = new LinkedHashMap<>();
    final Map<String, Token> tokens = new LinkedHashMap<>();
    final Map<String, AppCred> appCreds = new LinkedHashMap<>();
    final Map<String, Flavor> flavors = new LinkedHashMap<>();
    final Map<String, Image> images = new LinkedHashMap<>();
    final Map<String, Map<String, Keypair>> keypairs = new LinkedHashMap<>();
    final Map<String, Server> servers = new LinkedHashMap<>();
    /** Servers that are gone; kept for {@code os-instance-actions} (readable for deleted servers from 2.21). */
    final Map<String, Server> deletedServers = new LinkedHashMap<>();

    final Quota quota;
    /** Quota classes and the limits set per project and user (os-quota-sets), defaulting to {@link #quota}. */
    final Quotas quotas;

    final ServerGroups serverGroups = new ServerGroups();

    /** Compute API requests served so far: the clock of the emulated conductor, see ServersApi's list. */
    long computeRequests;

    long serverSeq;
    long keypairSeq;
    long imageSeq;

    CloudState(
            Clock clock,
            Duration tokenLifetime,
            Duration stepDuration,
            boolean instantBoot,
            boolean instantDelete,
            Quota quota) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.stepDuration = stepDuration;
        this.instantBoot = instantBoot;
        this.instantDelete = instantDelete;
        this.quota = quota;
        this.quotas = new Quotas(quota);
    }

    Instant now() {
        return clock.instant();
    }

    static String hexId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String randomAlnum(int n, String alphabet) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String requestId() {
        return "req-" + uuid();
    }

    /** Applies every due lifecycle step of every server, removing the ones that are gone. */
    void settleAll() {
        Instant now = now();
        for (Server s : new ArrayList<>(servers.values())) {
            settle(s, now);
        }
    }

    /** Applies the due steps of one server; returns it, or null when it is gone. */
    Server settle(Server s, Instant now) {
        while (!s.steps.isEmpty() && !s.steps.peekFirst().at.isAfter(now)) {
            Step step = s.steps.pollFirst();
            step.apply.accept(s);
            s.updated = step.at;
        }
        if (s.gone) {
            servers.remove(s.id);
            deletedServers.put(s.id, s);
            return null;
        }
        return s;
    }

    /** The server with this id if it still exists, settled to now. */
    Server server(String id) {
        Server s = servers.get(id);
        return s == null ? null : settle(s, now());
    }

    // ------------------------------------------------------------------ entities

    static final class Domain {
        final String id;
        final String name;

        Domain(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class Project {
        final String id;
        final String name;
        final Domain domain;
        final String description;

        Project(String id, String name, Domain domain, String description) {
            this.id = id;
            this.name = name;
            this.domain = domain;
            this.description = description;
        }
    }

    static final class Role {
        final String id;
        final String name;

        Role(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    static final class User {
        final String id;
        final String name;
        final String password;
        final Domain domain;
        /** Roles by project id, in the order Keystone lists them. */
        final Map<String, List<Role>> projectRoles = new LinkedHashMap<>();

        final List<Role> domainRoles = new ArrayList<>();
        final List<Role> systemRoles = new ArrayList<>();

        User(String id, String name, String password, Domain domain) {
            this.id = id;
            this.name = name;
            this.password = password;
            this.domain = domain;
        }

        boolean isAdminOn(String projectId) {
            List<Role> rs = projectRoles.get(projectId);
            return rs != null && rs.stream().anyMatch(r -> r.name.equals("admin"));
        }
    }

    enum ScopeKind {
        PROJECT,
        DOMAIN,
        SYSTEM,
        UNSCOPED
    }

    static final class Token {
        final String id;
        final User user;
        final ScopeKind scope;
        final Project project;
        final Domain domain;
        final List<Role> roles;
        final List<String> methods;
        final List<String> auditIds;
        final Instant issuedAt;
        Instant expiresAt;
        boolean revoked;
        final AppCred appCred;
        final String identityVersion;

        Token(
                String id,
                User user,
                ScopeKind scope,
                Project project,
                Domain domain,
                List<Role> roles,
                List<String> methods,
                List<String> auditIds,
                Instant issuedAt,
                Instant expiresAt,
                AppCred appCred,
                String identityVersion) {
            this.id = id;
            this.user = user;
            this.scope = scope;
            this.project = project;
            this.domain = domain;
            this.roles = roles;
            this.methods = methods;
            this.auditIds = auditIds;
            this.issuedAt = issuedAt;
            this.expiresAt = expiresAt;
            this.appCred = appCred;
            this.identityVersion = identityVersion;
        }

        boolean validAt(Instant now) {
            return !revoked && now.isBefore(expiresAt);
        }

        boolean isAdmin() {
            return roles.stream().anyMatch(r -> r.name.equals("admin"));
        }
    }

    static final class AppCred {
        final String id;
        final String name;
        final String description;
        final String secret;
        final User user;
        final Project project;
        final List<Role> roles;
        final Instant expiresAt;
        final boolean unrestricted;

        AppCred(
                String id,
                String name,
                String description,
                String secret,
                User user,
                Project project,
                List<Role> roles,
                Instant expiresAt,
                boolean unrestricted) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.secret = secret;
            this.user = user;
            this.project = project;
            this.roles = roles;
            this.expiresAt = expiresAt;
            this.unrestricted = unrestricted;
        }
    }

    static final class Flavor {
        final String id;
        final String name;
        final int ramMb;
        final int vcpus;
        final int diskGb;
        final int swapMb;
        final int ephemeralGb;
        final boolean isPublic;
        final String description;
        final Map<String, String> extraSpecs;
        final double rxtxFactor;

        Flavor(
                String id,
                String name,
                int ramMb,
                int vcpus,
                int diskGb,
                int swapMb,
                int ephemeralGb,
                boolean isPublic,
                String description,
                Map<String, String> extraSpecs,
                double rxtxFactor) {
            this.id = id;
            this.name = name;
            this.ramMb = ramMb;
            this.vcpus = vcpus;
            this.diskGb = diskGb;
            this.swapMb = swapMb;
            this.ephemeralGb = ephemeralGb;
            this.isPublic = isPublic;
            this.description = description;
            this.extraSpecs = extraSpecs;
            this.rxtxFactor = rxtxFactor;
        }
    }

    static final class Image {
        final String id;
        final String name;
        String status;
        final String visibility;
        final String owner;
        final String diskFormat;
        final String containerFormat;
        final Long size;
        final Long virtualSize;
        final String checksum;
        final String hashValue;
        final int minRam;
        final int minDisk;
        final Map<String, String> properties;
        final List<String> tags;
        final Instant createdAt;
        Instant updatedAt;
        final long seq;

        Image(
                String id,
                String name,
                String status,
                String visibility,
                String owner,
                String diskFormat,
                String containerFormat,
                Long size,
                Long virtualSize,
                String checksum,
                String hashValue,
                int minRam,
                int minDisk,
                Map<String, String> properties,
                List<String> tags,
                Instant createdAt,
                long seq) {
            this.id = id;
            this.name = name;
            this.status = status;
            this.visibility = visibility;
            this.owner = owner;
            this.diskFormat = diskFormat;
            this.containerFormat = containerFormat;
            this.size = size;
            this.virtualSize = virtualSize;
            this.checksum = checksum;
            this.hashValue = hashValue;
            this.minRam = minRam;
            this.minDisk = minDisk;
            this.properties = properties;
            this.tags = tags;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
            this.seq = seq;
        }
    }

    static final class Keypair {
        final long id;
        final String name;
        final String userId;
        final String publicKey;
        final String fingerprint;
        final String type;
        final Instant createdAt;

        Keypair(
                long id,
                String name,
                String userId,
                String publicKey,
                String fingerprint,
                String type,
                Instant createdAt) {
            this.id = id;
            this.name = name;
            this.userId = userId;
            this.publicKey = publicKey;
            this.fingerprint = fingerprint;
            this.type = type;
            this.createdAt = createdAt;
        }
    }

    static final class Quota {
        final int instances;
        final int cores;
        final int ramMb;
        final int metadataItems;
        final int injectedFiles;
        final int injectedFileContentBytes;
        final int injectedFilePathBytes;

        Quota(int instances, int cores, int ramMb) {
            this.instances = instances;
            this.cores = cores;
            this.ramMb = ramMb;
            this.metadataItems = 128;
            this.injectedFiles = 5;
            this.injectedFileContentBytes = 10240;
            this.injectedFilePathBytes = 255;
        }
    }

    /** A scheduled change of a server's state, applied when the clock reaches {@code at}. */
    static final class Step {
        final Instant at;
        final Consumer<Server> apply;

        Step(Instant at, Consumer<Server> apply) {
            this.at = at;
            this.apply = apply;
        }
    }

    static final class Fault {
        final int code;
        final String message;
        final String details;
        final Instant created;

        Fault(int code, String message, String details, Instant created) {
            this.code = code;
            this.message = message;
            this.details = details;
            this.created = created;
        }
    }

    static final class Event {
        final String name;
        final Instant start;
        Instant finish;
        String result;

        Event(String name, Instant start) {
            this.name = name;
            this.start = start;
        }
    }

    static final class Action {
        final String action;
        final String requestId;
        final String userId;
        final String projectId;
        final Instant start;
        Instant updated;
        /** Nova's {@code message}: null, or "Error" when the action failed. */
        String message;

        final List<Event> events = new ArrayList<>();

        Action(String action, String requestId, String userId, String projectId, Instant start) {
            this.action = action;
            this.requestId = requestId;
            this.userId = userId;
            this.projectId = projectId;
            this.start = start;
            this.updated = start;
        }
    }

    static final class Volume {
        final String id;
        final boolean deleteOnTermination;

        Volume(String id, boolean deleteOnTermination) {
            this.id = id;
            this.deleteOnTermination = deleteOnTermination;
        }
    }

    static final class Server {
        final String id;
        final long seq;
        String name;
        final String projectId;
        final String userId;
        Flavor flavor;
        /** The flavor before a resize, until it is confirmed or reverted. */
        Flavor oldFlavor;

        String imageId;
        final Map<String, String> metadata;
        String keyName;
        String accessIPv4 = "";
        String accessIPv6 = "";
        String description;
        final List<String> tags;
        String hostname;
        String diskConfig;
        final boolean configDrive;
        String userData;
        final String requestedAz;
        final String reservationId;
        final int launchIndex;
        /** {@link CloudState#computeRequests} when the create request was served. */
        long createdAtRequest;

        final String instanceName;
        final List<Volume> volumes;
        final List<String> securityGroups;
        final List<String> trustedCertificates;
        final Instant created;
        Instant updated;
        Instant launchedAt;
        Instant terminatedAt;
        String vmState = "building";
        String taskState = "scheduling";
        int powerState;
        String host;
        String availabilityZone = "";
        String rootDeviceName;
        Fault fault;
        boolean locked;
        String lockedReason;
        boolean lockedByAdmin;
        boolean gone;
        final Deque<Step> steps = new ArrayDeque<>();
        final List<Action> actions = new ArrayList<>();

        Server(
                String id,
                long seq,
                String name,
                String projectId,
                String userId,
                Flavor flavor,
                String imageId,
                Map<String, String> metadata,
                String keyName,
                String description,
                List<String> tags,
                String hostname,
                String diskConfig,
                boolean configDrive,
                String userData,
                String requestedAz,
                String reservationId,
                int launchIndex,
                List<Volume> volumes,
                List<String> securityGroups,
                List<String> trustedCertificates,
                Instant created) {
            this.id = id;
            this.seq = seq;
            this.name = name;
            this.projectId = projectId;
            this.userId = userId;
            this.flavor = flavor;
            this.imageId = imageId;
            this.metadata = metadata;
            this.keyName = keyName;
            this.description = description;
            this.tags = tags;
            this.hostname = hostname;
            this.diskConfig = diskConfig;
            this.configDrive = configDrive;
            this.userData = userData;
            this.requestedAz = requestedAz;
            this.reservationId = reservationId;
            this.launchIndex = launchIndex;
            this.instanceName = String.format("instance-%08x", seq);
            this.volumes = volumes;
            this.securityGroups = securityGroups;
            this.trustedCertificates = trustedCertificates;
            this.created = created;
            this.updated = created;
        }

        /** Nova's status for the vm_state/task_state pair ({@code nova/api/openstack/common.py}). */
        String status() {
            String moving = ServerMoveActions.status(vmState, taskState);
            if (moving != null) {
                return moving;
            }
            switch (vmState) {
                case "building":
                    return "BUILD";
                case "active":
                    if ("rebooting".equals(taskState)) {
                        return "REBOOT";
                    }
                    if ("rebooting_hard".equals(taskState)) {
                        return "HARD_REBOOT";
                    }
                    if ("updating_password".equals(taskState)) {
                        return "PASSWORD";
                    }
                    return "ACTIVE";
                case "stopped":
                    return "SHUTOFF";
                case "paused":
                    return "PAUSED";
                case "suspended":
                    return "SUSPENDED";
                case "rescued":
                    return "RESCUE";
                case "shelved":
                    return "SHELVED";
                case "shelved_offloaded":
                    return "SHELVED_OFFLOADED";
                case "soft-delete":
                    return "SOFT_DELETED";
                case "error":
                    return "ERROR";
                case "deleted":
                    return "DELETED";
                default:
                    return "UNKNOWN";
            }
        }

        /** The action whose request started the current lifecycle, to finish its event. */
        Action lastAction(String name) {
            for (int i = actions.size() - 1; i >= 0; i--) {
                if (actions.get(i).action.equals(name)) {
                    return actions.get(i);
                }
            }
            return null;
        }
    }

    /** Truncated to whole seconds, as Keystone's fernet tokens and Nova's timestamps are. */
    static Instant seconds(Instant i) {
        return i.truncatedTo(ChronoUnit.SECONDS);
    }
}
