package dev.novasdk.testkit.acceptance;

import dev.novasdk.identity.CloudConfig;
import java.util.Optional;

/**
 * {@link ComputeResourcesSuite} against the cloud named by {@code OS_CLOUD}/{@code OS_*} (CI: the lab, as admin);
 * the second user comes from {@code NOVASDK_IT_SECOND_CLOUD} when set. Skipped when no cloud is configured.
 */
class RealCloudComputeResourcesIT extends ComputeResourcesSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudComputeResourcesIT skipped: no cloud configured");
        }
        return real;
    }

    @Override
    Optional<CloudConfig> secondUser(AcceptanceCloud cloud) {
        return namedCloud();
    }
}
