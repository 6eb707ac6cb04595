package dev.novasdk.testkit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The planned slow responses of each service: how many more, and by how much. */
final class Slowdowns {
    private static final class Plan {
        int remaining;
        final Duration delay;

        Plan(int remaining, Duration delay) {
            this.remaining = remaining;
            this.delay = delay;
        }
    }

    private final Map<FakeCloud.Service, Plan> plans = new EnumMap<>(FakeCloud.Service.class);

    synchronized void plan(FakeCloud.Service service, int count, Duration delay) {
        plans.put(service, new Plan(count, delay));
    }

    /**
     * Blocks the calling server thread for the planned delay when one is left for {@code service}. Real
     * time on purpose: the point is a client's socket read timing out, which no fake clock can cause.
     */
    void await(FakeCloud.Service service) {
        Duration delay;
        synchronized (this) {
            Plan p = plans.get(service);
            if (p == null || p.remaining <= 0) {
                return;
            }
            p.remaining--;
            delay = p.delay;
        }
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            // close() interrupts the pool: answer at once instead of holding the thread
            Thread.currentThread().interrupt();
        }
    }
}
