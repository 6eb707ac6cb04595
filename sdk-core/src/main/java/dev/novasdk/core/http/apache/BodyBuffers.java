package dev.novasdk.core.http.apache;

import java.lang.ref.SoftReference;

/**
 * One reusable response-body buffer per thread, lent to {@link dev.novasdk.core.http.HttpResponse#ofLent} and
 * taken back on release. A thread that sends one request at a time (every blocking call) reads each body into
 * the same array instead of allocating one per response: a 2.6 kB server per GET, 2.6 MB per page of 1,000.
 *
 * <p>A buffer is never lent twice at once: while the thread's buffer is out, bodies get fresh arrays. A response
 * nobody releases keeps its buffer; after {@link #GIVE_UP_AFTER} borrows the thread stops waiting for it and
 * takes a new one, so a leak costs allocation, never wrong bytes. The buffer is softly held, and buffers past
 * {@link #MAX_KEPT} are not kept, so an idle thread's buffer goes under memory pressure and a huge body is not
 * held for the thread's life.
 */
final class BodyBuffers {
    static final int MAX_KEPT = 8 << 20;
    static final int GIVE_UP_AFTER = 16;
    // Sizes are rounded up to this, so that bodies of about the same size share a buffer.
    private static final int GRAIN = 8 << 10;

    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Slot::new);

    private static final class Slot {
        SoftReference<byte[]> kept = new SoftReference<>(null);
        boolean lent;
        int borrowsWhileLent;
    }

    private BodyBuffers() {}

    /** A buffer of at least {@code length} bytes, this thread's own when it is in and large enough. */
    static byte[] borrow(int length) {
        if (length > MAX_KEPT) {
            return new byte[length];
        }
        Slot slot = SLOT.get();
        if (slot.lent && ++slot.borrowsWhileLent < GIVE_UP_AFTER) {
            return new byte[length];
        }
        byte[] kept = slot.kept.get();
        if (kept == null || kept.length < length || slot.lent) {
            kept = new byte[Math.min(MAX_KEPT, (length + GRAIN - 1) / GRAIN * GRAIN)];
            slot.kept = new SoftReference<>(kept);
        }
        slot.lent = true;
        slot.borrowsWhileLent = 0;
        return kept;
    }

    /** Takes back a buffer {@link #borrow} lent on this thread; any other array is left to the collector. */
    static void giveBack(byte[] buffer) {
        Slot slot = SLOT.get();
        if (slot.lent && slot.kept.get() == buffer) {
            slot.lent = false;
        }
    }
}
