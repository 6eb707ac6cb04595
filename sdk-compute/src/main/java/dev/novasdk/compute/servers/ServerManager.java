package dev.novasdk.compute.servers;

import dev.novasdk.compute.VersionRequirement;
import dev.novasdk.compute.VersionRequirements;
import dev.novasdk.compute.internal.ComputeContext;
import dev.novasdk.compute.internal.Urls;
import dev.novasdk.core.error.NotFoundException;
import dev.novasdk.core.error.ResourceErrorException;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.core.waiter.Waiter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Servers: create, get, find, list, update, delete, and wait for a status or for deletion. Thread-safe; get
 * it from {@link dev.novasdk.compute.ComputeClient#servers()}.
 *
 * <pre>{@code
 * Server created = nova.servers().create(ServerCreate.builder()
 *         .name("web-1").imageId(image.id()).flavorId(flavor.id()).networksNone().build());
 * Server active = nova.servers().waitForStatus(created.id(), ServerStatus.ACTIVE, WaitOptions.defaults(),
 *         s -> System.out.println(s.status() + " " + s.taskState().orElse("-")));
 * }</pre>
 */
public final class ServerManager {
    private static final Microversion DESCRIPTION = Microversion.of(2, 19);
    private static final Microversion HOSTNAME = Microversion.of(2, 90);
    private static final Pattern REGEX_SPECIALS = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");

    private final ComputeContext context;

    private ServerManager(ComputeContext context) {
        this.context = context;
    }

    /** Internal: {@link dev.novasdk.compute.ComputeClient} builds the manager. */
    public static ServerManager of(ComputeContext context) {
        return new ServerManager(Objects.requireNonNull(context, "context"));
    }

    /**
     * Boots one or more servers ({@code POST /servers}). Nova answers 202 at once with a partial document
     * (id, links, {@code adminPass}, disk config, security groups); the server is {@code BUILD} and is
     * scheduled asynchronously, so follow with {@link #waitForStatus}.
     *
     * <p>The request goes at the client's version when every field is accepted there; when negotiating, at
     * the highest version that accepts every field set (e.g. a request with {@code personality} goes at
     * 2.56). A field no usable version accepts fails before sending, naming the field and the versions.
     * POST is never retried once it may have reached Nova, so a create never boots a second server.
     *
     * @throws IllegalArgumentException when {@code returnReservationId} is set (use
     *         {@link #createReservation(ServerCreate)}) or no usable version accepts the request
     * @throws dev.novasdk.core.error.BadRequestException for Nova's refusals (unknown flavor or image, swap
     *         larger than the flavor's, ...), with Nova's message and request id
     */
    public Server create(ServerCreate request) {
        Objects.requireNonNull(request, "request");
        if (request.returnReservationId().orElse(false)) {
            throw new IllegalArgumentException("returnReservationId is set: Nova then answers a reservation id, "
                    + "not a server; use createReservation(..)");
        }
        return context.exchange(
                HttpMethod.POST,
                Urls.of(context.endpoint(), "servers"),
                versionFor(request),
                context.codec().write(request),
                "server",
                Server.class);
    }

    /**
     * Boots {@code minCount..maxCount} servers and returns the reservation id that lists them
     * ({@link ServerListOptions#reservationId()}), sending {@code return_reservation_id: true}.
     */
    public String createReservation(ServerCreate request) {
        Objects.requireNonNull(request, "request");
        ServerCreate withReservation = request.returnReservationId().orElse(false)
                ? request
                : ServerCreate.builder().from(request).returnReservationId(true).build();
        return context.exchange(
                HttpMethod.POST,
                Urls.of(context.endpoint(), "servers"),
                versionFor(withReservation),
                context.codec().write(withReservation),
                "reservation_id",
                String.class);
    }

    private Microversion versionFor(ServerCreate request) {
        List<VersionRequirement> requirements = request.versionRequirements();
        Optional<Microversion> pinned = context.pinned();
        if (pinned.isPresent()) {
            VersionRequirements.check(requirements, pinned.get());
            return pinned.get();
        }
        Microversion max = context.defaultVersion();
        return VersionRequirements.select(requirements, context.cloudVersions().min(), max);
    }

    private URI server(String id) {
        return Urls.of(context.endpoint(), "servers", requireId(id));
    }

    /**
     * The server with this id, as a full document at the client's microversion.
     *
     * @throws NotFoundException when there is none (also for a server deleted a moment ago)
     */
    public Server get(String id) {
        return context.get(server(id), context.defaultVersion(), "server", Server.class);
    }

    /**
     * The server with this id, else the one with exactly this name (like novaclient's {@code find_resource}).
     * Nova filters names as regular expressions, so the name is escaped and anchored, and matches are checked
     * exactly here.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several servers have the name
     */
    public Optional<Server> find(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        String regex = "^" + REGEX_SPECIALS.matcher(nameOrId).replaceAll("\\\\$0") + "$";
        return ComputeContext.find(
                nameOrId,
                "server",
                this::get,
                list(ServerListOptions.builder().name(regex).build()),
                Server::name,
                Server::id);
    }

    /**
     * A lazy listing over every page: nothing is fetched until iteration starts, and each page is fetched when
     * iteration reaches it. {@link ServerListOptions#limit()} is the page size.
     *
     * <p>Each server is yielded once, even right after a create while Nova still lists servers as build
     * requests and repeats them (or a next link) across pages; the listing then pauses briefly before
     * following a link it has already followed. The ids of servers in {@code BUILD} (all ids, for a summary
     * listing, which shows no status) and of the last 1000 servers are remembered for that; see
     * {@link PagedIterable#distinct}.
     *
     * @throws dev.novasdk.core.error.PagingException from iteration when Nova keeps repeating a next link
     *         for about 30 s
     */
    public PagedIterable<Server> list(ServerListOptions options) {
        Objects.requireNonNull(options, "options");
        return context.paged(
                () -> new ComputeContext.Listing(
                        Urls.of(
                                context.endpoint(),
                                options.detail() ? List.of("servers", "detail") : List.of("servers"),
                                options.query()),
                        context.endpoint(),
                        context.defaultVersion()),
                ServerListDocument.class,
                ServerListDocument::servers,
                ServerListDocument::nextHref,
                Server::id,
                // A build request reads BUILD; a summary listing shows no status, so any item may be one.
                s -> s.statusRaw().isEmpty() || s.status() == ServerStatus.BUILD);
    }

    /** Every server of the project, in detail. */
    public PagedIterable<Server> list() {
        return list(ServerListOptions.defaults());
    }

    /**
     * Changes the name, description (2.19+), access addresses or hostname (2.90+). A field the client's
     * microversion does not accept fails before sending.
     */
    public Server update(String id, ServerUpdate update) {
        Objects.requireNonNull(update, "update");
        Microversion version = context.defaultVersion();
        if (update.description().isPresent()) {
            requireAtLeast("description", DESCRIPTION, version);
        }
        if (update.hostname().isPresent()) {
            requireAtLeast("hostname", HOSTNAME, version);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        update.name().ifPresent(v -> body.put("name", v));
        update.description().ifPresent(v -> body.put("description", v));
        update.accessIpv4().ifPresent(v -> body.put("accessIPv4", v));
        update.accessIpv6().ifPresent(v -> body.put("accessIPv6", v));
        update.hostname().ifPresent(v -> body.put("hostname", v));
        return context.exchange(HttpMethod.PUT, server(id), version, Map.of("server", body), "server", Server.class);
    }

    /**
     * Deletes the server. Nova answers 204 at once and deletes asynchronously; use {@link #waitForDelete} to
     * know when it is gone.
     *
     * @throws NotFoundException when there is no such server
     */
    public void delete(String id) {
        context.send(HttpMethod.DELETE, server(id), context.defaultVersion(), null);
    }

    /** Deletes a soft-deleted server now ({@code forceDelete} action), skipping the reclaim delay. */
    public void forceDelete(String id) {
        action(id, nullAction("forceDelete"));
    }

    /** Starts a stopped server ({@code os-start}). */
    public void start(String id) {
        action(id, nullAction("os-start"));
    }

    /** Stops a running server ({@code os-stop}). */
    public void stop(String id) {
        action(id, nullAction("os-stop"));
    }

    /** Reboots the server, softly (guest OS) or hard (power cycle). */
    public void reboot(String id, RebootType type) {
        Objects.requireNonNull(type, "type");
        action(id, Map.of("reboot", Map.of("type", type.name())));
    }

    // The client's mapper leaves out null members (NON_ABSENT), which would turn {"os-start": null} into {}
    // and make nova answer 400; these bodies are written by hand instead. Names are constants, no escaping.
    private static byte[] nullAction(String name) {
        return ("{\"" + name + "\": null}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body}: a map to encode, or the encoded bytes. */
    private void action(String id, Object body) {
        context.send(
                HttpMethod.POST,
                Urls.of(context.endpoint(), "servers", requireId(id), "action"),
                context.defaultVersion(),
                body);
    }

    /**
     * Polls the server until it reaches {@code status}, with capped exponential backoff.
     *
     * @throws ResourceErrorException when the server goes to {@code ERROR} (unless that is the target),
     *         carrying Nova's fault code, message and details
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}, carrying the
     *         last server seen
     * @throws NotFoundException when the server disappears while waiting
     */
    public Server waitForStatus(String id, ServerStatus status, WaitOptions options) {
        return waitForStatus(id, status, options, s -> {});
    }

    /**
     * {@link #waitForStatus(String, ServerStatus, WaitOptions)} calling {@code progress} with every server seen
     * (status, task state, progress), on the waiting thread.
     */
    public Server waitForStatus(
            String id, ServerStatus status, WaitOptions options, Consumer<? super Server> progress) {
        requireId(id);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Waiter.Builder<Server> b = Waiter.<Server>builder(() -> get(id))
                .description("server " + id + " to become " + status.name())
                .successWhen(s -> s.status() == status)
                .onProgress(progress)
                .options(options)
                .sleeper(context.sleeper())
                .nanoTime(context.nanoTime());
        if (status != ServerStatus.ERROR) {
            b.failWhen(
                    s -> s.status() == ServerStatus.ERROR,
                    s -> errorOf(s, "went to ERROR while waiting for " + status.name()));
        }
        return b.build().await();
    }

    /**
     * Polls until the server is gone ({@code 404}). A server that reads {@code DELETED} is not gone yet: Nova
     * keeps it readable so for a few seconds and still counts it against the instance quota, so booting
     * again at that moment can fail with {@code 403 Quota exceeded}.
     *
     * @throws ResourceErrorException when the server goes to {@code ERROR} instead (a failed delete)
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}, carrying the
     *         last server seen
     */
    public void waitForDelete(String id, WaitOptions options) {
        requireId(id);
        Objects.requireNonNull(options, "options");
        Waiter.<Optional<Server>>builder(() -> Optional.of(get(id)))
                .description("server " + id + " to be deleted")
                .successWhen(Optional::isEmpty)
                .successOnException(NotFoundException.class, e -> Optional.empty())
                .failWhen(
                        s -> s.isPresent()
                                && s.get().status() == ServerStatus.ERROR
                                && s.get().taskState().isEmpty(),
                        s -> errorOf(s.get(), "went to ERROR while being deleted"))
                .options(options)
                .sleeper(context.sleeper())
                .nanoTime(context.nanoTime())
                .build()
                .await();
    }

    private static ResourceErrorException errorOf(Server s, String what) {
        Optional<ServerFault> fault = s.fault();
        String message = "server " + s.id() + s.name().map(n -> " (" + n + ")").orElse("") + " " + what
                + fault.flatMap(ServerFault::message).map(m -> ": " + m).orElse("")
                + fault.flatMap(ServerFault::code)
                        .map(c -> " [fault code " + c + "]")
                        .orElse("");
        return new ResourceErrorException(
                message,
                s,
                fault.flatMap(ServerFault::code).orElse(null),
                fault.flatMap(ServerFault::message).orElse(null),
                fault.flatMap(ServerFault::details).orElse(null));
    }

    private static void requireAtLeast(String field, Microversion needed, Microversion used) {
        if (used.compareTo(needed) < 0) {
            throw new IllegalArgumentException("field '" + field + "' requires compute microversion " + needed
                    + " or later; the client uses " + used);
        }
    }

    static String requireId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        return id;
    }
}
