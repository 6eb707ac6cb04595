package dev.novasdk.compute.images;

import dev.novasdk.compute.internal.ComputeContext;
import dev.novasdk.compute.internal.Urls;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.Microversion;
import dev.novasdk.core.paging.PagedIterable;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Images: list, get and find by name or id. Uses Glance v2 from the catalog's {@code image} service; when
 * the catalog has none, falls back to Nova's {@code /images} proxy, which Nova serves only up to
 * microversion 2.35. Thread-safe; get it from {@link dev.novasdk.compute.ComputeClient#images()}.
 */
public final class ImageManager {
    /** The last microversion at which Nova proxies images. */
    static final Microversion PROXY_MAX = Microversion.of(2, 35);

    private final ComputeContext context;

    private ImageManager(ComputeContext context) {
        this.context = context;
    }

    /** Internal: {@link dev.novasdk.compute.ComputeClient} builds the manager. */
    public static ImageManager of(ComputeContext context) {
        return new ImageManager(Objects.requireNonNull(context, "context"));
    }

    private Optional<URI> glance() {
        return context.imageEndpoint();
    }

    private static URI glanceV2(URI endpoint) {
        // Catalogs usually give Glance without a version (the lab: http://127.0.0.1:9292); accept one with it.
        String e = endpoint.toString();
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        return URI.create(e.endsWith("/v2") ? e : e + "/v2");
    }

    private static URI glanceRoot(URI endpoint) {
        String e = glanceV2(endpoint).toString();
        return URI.create(e.substring(0, e.length() - 3));
    }

    /** The microversion for Nova's image proxy, or a clear refusal when the client is pinned above it. */
    private Microversion proxyVersion() {
        Microversion v = context.defaultVersion();
        if (v.compareTo(PROXY_MAX) <= 0) {
            return v;
        }
        if (context.pinned().isPresent()) {
            throw new IllegalStateException("the catalog has no image service, and Nova's image proxy needs compute "
                    + "microversion " + PROXY_MAX + " or lower; the client is pinned to " + v);
        }
        return PROXY_MAX;
    }

    /**
     * A lazy listing over every page; {@link ImageListOptions#limit()} is the page size. Whether it comes from
     * Glance or from Nova's proxy is decided when iteration starts.
     *
     * @throws IllegalStateException from iteration, before anything is sent, when the catalog has no image
     *         service and the client is pinned above {@code 2.35}
     */
    public PagedIterable<Image> list(ImageListOptions options) {
        Objects.requireNonNull(options, "options");
        return context.paged(
                () -> listing(options),
                ImageListDocument.class,
                ImageListDocument::images,
                ImageListDocument::nextHref,
                Image::id,
                i -> false);
    }

    private ComputeContext.Listing listing(ImageListOptions options) {
        Optional<URI> g = glance();
        if (g.isPresent()) {
            // Glance has no microversions: no version header. Its next link is a path from its root.
            return new ComputeContext.Listing(
                    Urls.of(glanceV2(g.get()), List.of("images"), options.glanceQuery()), glanceRoot(g.get()), null);
        }
        return new ComputeContext.Listing(
                Urls.of(context.endpoint(), List.of("images", "detail"), options.novaQuery()),
                context.endpoint(),
                proxyVersion());
    }

    /** Every image visible to the project. */
    public PagedIterable<Image> list() {
        return list(ImageListOptions.defaults());
    }

    /**
     * The image with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    public Image get(String id) {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        Optional<URI> g = glance();
        if (g.isPresent()) {
            // Glance answers a bare image document, without an envelope.
            HttpRequest request = HttpRequest.builder(HttpMethod.GET, Urls.of(glanceV2(g.get()), "images", id))
                    .build();
            return context.codec().decode(request, context.pipeline().send(request), null, Image.class);
        }
        return context.get(Urls.of(context.endpoint(), "images", id), proxyVersion(), "image", Image.class);
    }

    /**
     * The image with this id, else the one with exactly this name.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several images have the name
     */
    public Optional<Image> find(String nameOrId) {
        Objects.requireNonNull(nameOrId, "nameOrId");
        return ComputeContext.find(
                nameOrId,
                "image",
                this::get,
                list(ImageListOptions.builder().name(nameOrId).build()),
                Image::name,
                Image::id);
    }
}
