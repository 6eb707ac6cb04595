package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The server lifecycle suite against the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*} (CI:
 * the OpenStack lab); skipped, saying so, when none is configured.
 */
class RealCloudServerLifecycleIT extends ServerLifecycleSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudServerLifecycleIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        return real;
    }
}
