package dev.novasdk.compute.internal;

import static dev.novasdk.compute.internal.Bodies.document;
import static dev.novasdk.compute.internal.Bodies.member;

import dev.novasdk.compute.MicroversionRange;
import dev.novasdk.compute.images.Image;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.Microversion;

/** The image operations, on Glance v2 and on Nova's image proxy, each described once. */
final class ImageOperations {
    /** Nova proxies images up to 2.35 only. */
    private static final MicroversionRange PROXY = MicroversionRange.atMost(Microversion.of(2, 35));

    // Glance answers a bare image document, and 400 for an id that is not a UUID.
    static final Operation<Void, Image> GLANCE_GET = Operation.of("images.get", HttpMethod.GET, "images/{id}")
            .on(Operation.Api.IMAGE)
            .returns(document(Image.class))
            .absentWhen(404, 400);

    static final ListOperation<ImageListDocument, Image> GLANCE_LIST = ListOperation.of(
            Operation.of("images.list", HttpMethod.GET, "images")
                    .on(Operation.Api.IMAGE)
                    .returns(document(ImageListDocument.class)),
            ImageListDocument::images,
            ImageListDocument::nextHref);

    static final Operation<Void, Image> PROXY_GET = Operation.of(
                    "images.get (Nova's image proxy)", HttpMethod.GET, "images/{id}")
            .servedIn(PROXY)
            .returns(member("image", Image.class))
            .absentWhen(404, 400);

    static final ListOperation<ImageListDocument, Image> PROXY_LIST = ListOperation.of(
            Operation.of("images.list (Nova's image proxy)", HttpMethod.GET, "images/detail")
                    .servedIn(PROXY)
                    .returns(document(ImageListDocument.class)),
            ImageListDocument::images,
            ImageListDocument::nextHref);

    private ImageOperations() {}
}
