package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/** The fidelity scenarios against the configured real cloud (CI: the lab); skipped, saying so, without one. */
class RealCloudFidelityIT extends FidelitySuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudFidelityIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        return real;
    }
}
