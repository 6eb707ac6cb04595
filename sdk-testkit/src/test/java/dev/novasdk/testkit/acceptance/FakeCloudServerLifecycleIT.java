package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The server lifecycle suite against an embedded {@code FakeCloud}: runs in every build. */
class FakeCloudServerLifecycleIT extends ServerLifecycleSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
