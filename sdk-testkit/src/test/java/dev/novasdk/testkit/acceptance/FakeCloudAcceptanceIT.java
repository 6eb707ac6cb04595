package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The acceptance suite against an embedded {@code FakeCloud}: runs in every build, so each scenario is
 * proven against both the fake and (in CI) the real cloud.
 */
class FakeCloudAcceptanceIT extends AcceptanceSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
