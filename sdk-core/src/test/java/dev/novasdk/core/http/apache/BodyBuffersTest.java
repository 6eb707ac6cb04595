package dev.novasdk.core.http.apache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** One reusable body buffer per thread, never lent twice at once. */
class BodyBuffersTest {
    @Test
    void borrow_afterGiveBack_reusesTheThreadsBuffer_growingItWhenTooSmall() {
        byte[] first = BodyBuffers.borrow(2600);
        assertTrue(first.length >= 2600);
        BodyBuffers.giveBack(first);

        assertSame(first, BodyBuffers.borrow(100));
        BodyBuffers.giveBack(first);
        byte[] larger = BodyBuffers.borrow(first.length + 1);
        assertTrue(larger.length > first.length);
        BodyBuffers.giveBack(larger);
        assertSame(larger, BodyBuffers.borrow(10));
        BodyBuffers.giveBack(larger);
    }

    @Test
    void borrow_whileTheBufferIsOut_getsAnotherArray_andGivesUpOnAnUnreturnedOne() {
        byte[] out = BodyBuffers.borrow(100);
        for (int i = 1; i < BodyBuffers.GIVE_UP_AFTER; i++) {
            byte[] other = BodyBuffers.borrow(100);
            assertNotSame(out, other);
            BodyBuffers.giveBack(other); // not this thread's buffer: ignored
        }
        // Never returned: the thread takes a new buffer of its own, and the old one stays with its holder.
        byte[] fresh = BodyBuffers.borrow(100);
        assertNotSame(out, fresh);
        BodyBuffers.giveBack(fresh);
        assertSame(fresh, BodyBuffers.borrow(100));
        BodyBuffers.giveBack(fresh);
        BodyBuffers.giveBack(out);
        assertSame(fresh, BodyBuffers.borrow(100), "a buffer given up on is not taken back");
        BodyBuffers.giveBack(fresh);
    }

    @Test
    void borrow_ofAHugeBody_isExact_andNotKept() {
        byte[] huge = BodyBuffers.borrow(BodyBuffers.MAX_KEPT + 1);
        assertEquals(BodyBuffers.MAX_KEPT + 1, huge.length);
        BodyBuffers.giveBack(huge);
        byte[] next = BodyBuffers.borrow(10);
        assertNotSame(huge, next);
        BodyBuffers.giveBack(next);
    }

    @Test
    void buffers_belongToTheirThread() throws Exception {
        byte[] mine = BodyBuffers.borrow(100);
        BodyBuffers.giveBack(mine);
        byte[] theirs = CompletableFuture.supplyAsync(() -> {
                    byte[] b = BodyBuffers.borrow(100);
                    BodyBuffers.giveBack(b);
                    return b;
                })
                .get();
        assertNotSame(mine, theirs);
        assertSame(mine, BodyBuffers.borrow(100));
        BodyBuffers.giveBack(mine);
    }
}
