package dev.novasdk.testkit.acceptance;

import dev.novasdk.core.waiter.Sleeper;
import dev.novasdk.core.waiter.WaitOptions;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.testkit.FakeClock;
import dev.novasdk.testkit.FakeCloud;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The cloud an acceptance run talks to: the real one named by {@code OS_CLOUD}/{@code clouds.yaml}/
 * {@code OS_*}, or an embedded {@link FakeCloud} whose clock moves only when the client sleeps.
 */
final class AcceptanceCloud implements AutoCloseable {
    private final String label;
    private final CloudConfig config;
    private final FakeCloud fake;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final WaitOptions waits;
    private final Clock clock;

    private AcceptanceCloud(
            String label,
            CloudConfig config,
            FakeCloud fake,
            Sleeper sleeper,
            LongSupplier nanoTime,
            WaitOptions waits,
            Clock clock) {
        this.clock = clock;
        this.label = label;
        this.config = config;
        this.fake = fake;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.waits = waits;
    }

    /** The configured real cloud, if any. */
    static Optional<AcceptanceCloud> real() {
        return CloudConfig.detect()
                .map(c -> new AcceptanceCloud(
                        "real cloud (" + c.source() + ")",
                        c,
                        null,
                        Sleeper.system(),
                        System::nanoTime,
                        WaitOptions.of(Duration.ofMinutes(3), Duration.ofMillis(500), Duration.ofSeconds(3)),
                        Clock.systemUTC()));
    }

    /** A new embedded FakeCloud; its clock advances exactly as far as the client sleeps. */
    static AcceptanceCloud fake() {
        FakeClock clock = FakeClock.manual();
        FakeCloud cloud = FakeCloud.builder().clock(clock).start();
        CloudConfig config = CloudConfig.builder()
                .environment(cloud.osEnvironment())
                .searchPaths(List.of())
                .build();
        long origin = System.nanoTime();
        java.time.Instant start = clock.instant();
        return new AcceptanceCloud(
                "FakeCloud " + cloud.authUrl(),
                config,
                cloud,
                clock::advance,
                () -> origin + Duration.between(start, clock.instant()).toNanos(),
                WaitOptions.of(Duration.ofMinutes(3), Duration.ofMillis(500), Duration.ofSeconds(3)),
                clock);
    }

    /** The clock token expiry is judged by: the fake cloud's own, or the system's. */
    Clock clock() {
        return clock;
    }

    String label() {
        return label;
    }

    CloudConfig config() {
        return config;
    }

    Optional<FakeCloud> fakeCloud() {
        return Optional.ofNullable(fake);
    }

    Sleeper sleeper() {
        return sleeper;
    }

    LongSupplier nanoTime() {
        return nanoTime;
    }

    WaitOptions waits() {
        return waits;
    }

    @Override
    public void close() {
        if (fake != null) {
            fake.close();
        }
    }
}
