package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** {@link ServerMoveSuite} against an embedded {@code FakeCloud}, in every build. */
class FakeCloudServerMoveIT extends ServerMoveSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
