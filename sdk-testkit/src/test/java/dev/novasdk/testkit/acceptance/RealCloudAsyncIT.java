package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The async suite against the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*} (CI: the OpenStack
 * lab, as admin); skipped, saying so, when none is configured.
 */
class RealCloudAsyncIT extends AsyncSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudAsyncIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        return real;
    }
}
