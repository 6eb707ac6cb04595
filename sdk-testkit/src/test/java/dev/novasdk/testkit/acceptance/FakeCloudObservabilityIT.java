package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The observability scenarios against an embedded {@code FakeCloud}: runs in every build, so each scenario is
 * proven against both the fake and (in CI) the real cloud.
 */
class FakeCloudObservabilityIT extends ObservabilitySuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
