package dev.novasdk.testkit.acceptance;

import dev.novasdk.identity.CloudConfig;
import java.util.List;
import java.util.Optional;

/** {@link ComputeResourcesSuite} against an embedded FakeCloud, with its {@code demo} user as the second user. */
class FakeCloudComputeResourcesIT extends ComputeResourcesSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        return Optional.of(AcceptanceCloud.fake());
    }

    @Override
    Optional<CloudConfig> secondUser(AcceptanceCloud cloud) {
        return Optional.of(CloudConfig.builder()
                .environment(cloud.fakeCloud().orElseThrow().osEnvironment("demo"))
                .searchPaths(List.of())
                .build());
    }
}
