package dev.novasdk.testkit.acceptance;

import java.util.Optional;

/**
 * The operator scenarios against the cloud named by {@code OS_CLOUD}/{@code clouds.yaml}/{@code OS_*} as admin
 * (CI: the OpenStack lab's {@code openrc}); skipped, saying so, when none is configured.
 */
class RealCloudOperatorIT extends OperatorSuite {
    @Override
    Optional<AcceptanceCloud> openCloud() {
        Optional<AcceptanceCloud> real = AcceptanceCloud.real();
        if (real.isEmpty()) {
            System.out.println("RealCloudOperatorIT skipped: no cloud configured "
                    + "(set OS_CLOUD with a clouds.yaml, or OS_AUTH_URL and the other OS_* variables)");
        }
        return real;
    }
}
