package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The fidelity scenarios against an embedded FakeCloud, in every build. */
class FakeCloudFidelityIT extends FidelitySuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
