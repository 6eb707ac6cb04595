package dev.novasdk.compute.images;

import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.waiter.WaitOptions;
import java.util.Optional;

/**
 * Images: list, get and find by name or id. Uses Glance v2 from the catalog's {@code image} service; when
 * the catalog has none, falls back to Nova's {@code /images} proxy, which Nova serves only up to
 * microversion 2.35. Thread-safe; get it from {@link dev.novasdk.compute.ComputeClient#images()}.
 */
public interface ImageManager {
    /**
     * A lazy listing over every page; {@link ImageListOptions#limit()} is the page size. Whether it comes from
     * Glance or from Nova's proxy is decided when iteration starts.
     *
     * @throws IllegalStateException from iteration, before anything is sent, when the catalog has no image
     *         service and the client is pinned above {@code 2.35}
     */
    PagedIterable<Image> list(ImageListOptions options);

    /** Every image visible to the project. */
    default PagedIterable<Image> list() {
        return list(ImageListOptions.defaults());
    }

    /**
     * The image with this id.
     *
     * @throws dev.novasdk.core.error.NotFoundException when there is none
     */
    Image get(String id);

    /**
     * The image with this id, else the one with exactly this name.
     *
     * @throws dev.novasdk.core.error.NoUniqueMatchException when several images have the name
     */
    Optional<Image> find(String nameOrId);

    /**
     * Polls the image until it reaches {@code status}, with capped exponential backoff: after
     * {@code servers().createImage(..)}, wait for {@link ImageStatus#ACTIVE} (a snapshot goes {@code queued},
     * {@code saving}, {@code active}).
     *
     * @throws dev.novasdk.core.error.ResourceErrorException when the image ends {@code killed}, {@code deleted},
     *         {@code pending_delete} or {@code error} instead (unless that is the target)
     * @throws dev.novasdk.core.error.WaitTimeoutException after {@link WaitOptions#timeout()}, carrying the last
     *         image seen (a hypervisor driver that uploads nothing leaves a snapshot {@code queued})
     * @throws dev.novasdk.core.error.NotFoundException when the image disappears while waiting
     */
    Image waitForStatus(String id, ImageStatus status, WaitOptions options);
}
