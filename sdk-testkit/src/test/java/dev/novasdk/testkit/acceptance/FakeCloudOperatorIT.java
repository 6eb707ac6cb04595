package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The operator scenarios against an embedded {@code FakeCloud}, in every build. */
class FakeCloudOperatorIT extends OperatorSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }
}
