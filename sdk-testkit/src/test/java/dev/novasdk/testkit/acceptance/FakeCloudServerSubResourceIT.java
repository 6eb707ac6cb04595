package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The server sub-resource scenarios against an embedded {@code FakeCloud}: runs in every build. */
class FakeCloudServerSubResourceIT extends ServerSubResourceSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
