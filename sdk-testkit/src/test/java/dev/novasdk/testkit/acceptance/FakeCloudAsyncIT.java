package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The async suite against an embedded {@code FakeCloud}: runs in every build. */
class FakeCloudAsyncIT extends AsyncSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
