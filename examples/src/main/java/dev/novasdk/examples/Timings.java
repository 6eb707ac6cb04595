package dev.novasdk.examples;

import dev.novasdk.core.observe.CallEnded;
import dev.novasdk.core.observe.CallListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The {@code --timing} listener of {@link NovaCli}: one line per call, as it ends, with the operation, the
 * method and URL template, the status (or the failure), the duration, the retries and re-authentications
 * when there were any, and Nova's request id, to look the call up in Nova's logs.
 */
final class Timings {
    private Timings() {}

    /** A listener printing each call's line to {@code out}. */
    static CallListener printingTo(PrintStream out) {
        return CallListener.onCallEnded(e -> out.println(line(e)));
    }

    /** {@code timing: servers.create POST /servers 202 41.3 ms req-...}. */
    static String line(CallEnded e) {
        StringBuilder sb = new StringBuilder("timing: ")
                .append(e.call().operation())
                .append(' ')
                .append(e.call().method())
                .append(' ')
                .append(e.call().urlTemplate())
                .append(' ')
                .append(
                        e.status().isPresent()
                                ? Integer.toString(e.status().getAsInt())
                                : e.errorType().orElse("-"))
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f ms", e.duration().toNanos() / 1e6));
        if (e.retries() > 0) {
            sb.append(" retries=").append(e.retries());
        }
        if (e.reauthentications() > 0) {
            sb.append(" reauthentications=").append(e.reauthentications());
        }
        return sb.append(' ').append(e.requestId().orElse("-")).toString();
    }
}
