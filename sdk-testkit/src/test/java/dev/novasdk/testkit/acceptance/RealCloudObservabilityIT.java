package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The observability scenarios against the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*} (CI: the
 * OpenStack lab); skipped, saying so, when none is configured.
 */
class RealCloudObservabilityIT extends ObservabilitySuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudObservabilityIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        return real;
    }
}
