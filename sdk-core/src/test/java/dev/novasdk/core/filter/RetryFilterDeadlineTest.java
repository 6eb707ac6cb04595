package dev.novasdk.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.core.error.TransportException;
import dev.novasdk.core.http.Deadline;
import dev.novasdk.core.http.DeadlineExceededException;
import dev.novasdk.core.http.Headers;
import dev.novasdk.core.http.HttpMethod;
import dev.novasdk.core.http.HttpRequest;
import dev.novasdk.core.http.HttpResponse;
import dev.novasdk.core.http.RequestBody;
import dev.novasdk.core.http.ResponseTooLargeException;
import dev.novasdk.core.waiter.FakeTime;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The call and attempt time budgets of {@link RetryFilter}, on a fake monotonic clock that sleeping advances. */
class RetryFilterDeadlineTest {
    private static final URI SERVERS = URI.create("https://nova.example.test/v2.1/servers");

    private final FakeTime time = new FakeTime();
    private final RetryPolicy instantRetries = RetryPolicy.builder()
            .maxAttempts(5)
            .baseDelay(Duration.ZERO)
            .maxDelay(Duration.ZERO)
            .build();

    @Test
    void filter_eachAttempt_carriesTheEarlierOfTheAttemptAndCallDeadlines() throws IOException {
        List<Duration> budgets = new ArrayList<>();
        FilterChain chain = request -> {
            budgets.add(request.attribute(Deadline.ATTRIBUTE).orElseThrow().remaining());
            time.advance(Duration.ofSeconds(3));
            return status(503);
        };

        HttpResponse last =
                filter(Duration.ofSeconds(10), Duration.ofSeconds(4)).filter(request(HttpMethod.GET), chain);

        assertEquals(503, last.statusCode());
        // Attempts start at 0, 3, 6 and 9 s: the attempt budget of 4 s until the call's 10 s leave less.
        assertEquals(
                List.of(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(1)),
                budgets);
    }

    @Test
    void filter_retryAfterLongerThanTheCallBudgetLeft_returnsTheResponseWithoutWaiting() throws IOException {
        Counting chain = new Counting(n -> status(429, "Retry-After", "5"));

        HttpResponse r = filter(Duration.ofSeconds(3), Duration.ofSeconds(3)).filter(request(HttpMethod.POST), chain);

        assertEquals(429, r.statusCode());
        assertEquals(1, chain.calls);
        assertTrue(time.sleeps.isEmpty(), () -> "slept " + time.sleeps);
    }

    @Test
    void filter_backoffLongerThanTheCallBudgetLeft_rethrowsWithoutWaiting() {
        RetryPolicy slow = RetryPolicy.builder()
                .baseDelay(Duration.ofSeconds(8))
                .maxDelay(Duration.ofSeconds(8))
                .jitter(() -> 0.5)
                .build();
        IOException refused = new java.net.ConnectException("Connection refused");
        Counting chain = new Counting(n -> refused);
        RetryFilter filter = RetryFilter.builder()
                .policy(slow)
                .sleeper(time)
                .nanoTime(time)
                .callTimeout(Duration.ofSeconds(3))
                .build();

        IOException thrown = assertThrows(IOException.class, () -> filter.filter(request(HttpMethod.GET), chain));

        assertSame(refused, thrown);
        assertEquals(1, chain.calls);
        assertTrue(time.sleeps.isEmpty(), () -> "slept " + time.sleeps);
    }

    @Test
    void filter_waitsThatFitTheCallBudget_areTaken() throws IOException {
        Counting chain = new Counting(n -> n < 3 ? status(429, "Retry-After", "1") : status(200));

        HttpResponse r = filter(Duration.ofSeconds(3), Duration.ofSeconds(3)).filter(request(HttpMethod.POST), chain);

        assertEquals(200, r.statusCode());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), time.sleeps);
    }

    @ParameterizedTest
    @EnumSource(
            value = HttpMethod.class,
            names = {"GET", "HEAD", "PUT", "DELETE"})
    void filter_attemptDeadlineExceededOnIdempotentMethod_retriedWhileTheCallBudgetLasts(HttpMethod method)
            throws IOException {
        Counting chain = new Counting(n -> {
            time.advance(Duration.ofSeconds(2));
            return n == 1 ? new DeadlineExceededException("the attempt timeout of 2000 ms passed") : status(200);
        });

        HttpResponse r = filter(Duration.ofSeconds(10), Duration.ofSeconds(2)).filter(request(method), chain);

        assertEquals(200, r.statusCode());
        assertEquals(2, chain.calls);
    }

    @ParameterizedTest
    @EnumSource(
            value = HttpMethod.class,
            names = {"POST", "PATCH"})
    void filter_deadlineExceededOnNonIdempotentMethod_notReplayed(HttpMethod method) {
        DeadlineExceededException late = new DeadlineExceededException("the attempt timeout of 2000 ms passed");
        Counting chain = new Counting(n -> late);

        IOException thrown = assertThrows(IOException.class, () -> filter(Duration.ofSeconds(10), Duration.ofSeconds(2))
                .filter(request(method), chain));

        assertSame(late, thrown);
        assertEquals(1, chain.calls);
    }

    @Test
    void filter_callBudgetSpent_noFurtherAttempt() {
        Counting chain = new Counting(n -> {
            time.advance(Duration.ofSeconds(5));
            return new DeadlineExceededException("the call timeout of 5000 ms passed");
        });

        assertThrows(DeadlineExceededException.class, () -> filter(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .filter(request(HttpMethod.GET), chain));

        assertEquals(1, chain.calls);
    }

    @ParameterizedTest
    @EnumSource(HttpMethod.class)
    void filter_responseTooLarge_neverRetried(HttpMethod method) {
        // The same oversized body would come back; a retry only downloads it again.
        Counting chain = new Counting(n -> new ResponseTooLargeException("response body exceeds the maximum"));

        IOException thrown =
                assertThrows(IOException.class, () -> filter(Duration.ofSeconds(10), Duration.ofSeconds(10))
                        .filter(request(method), chain));

        assertEquals(TransportException.Kind.RESPONSE_TOO_LARGE, TransportException.classify(thrown));
        assertEquals(1, chain.calls);
    }

    @Test
    void filter_timeoutAttributes_replaceTheFilterBudgetsForThatRequest() throws IOException {
        List<Duration> budgets = new ArrayList<>();
        FilterChain chain = request -> {
            budgets.add(request.attribute(Deadline.ATTRIBUTE).orElseThrow().remaining());
            time.advance(Duration.ofMillis(300));
            return status(503);
        };
        HttpRequest request = request(HttpMethod.GET)
                .withAttribute(RetryFilter.CALL_TIMEOUT, Duration.ofMillis(700))
                .withAttribute(RetryFilter.ATTEMPT_TIMEOUT, Duration.ofMillis(500));

        filter(Duration.ofMinutes(5), Duration.ofMinutes(2)).filter(request, chain);

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(400), Duration.ofMillis(100)), budgets);
    }

    @Test
    void filter_nonPositiveTimeoutAttribute_failsNamingIt() {
        HttpRequest request = request(HttpMethod.GET).withAttribute(RetryFilter.CALL_TIMEOUT, Duration.ZERO);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> filter(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .filter(request, r -> status(200)));

        assertTrue(e.getMessage().startsWith("callTimeout must be positive"), e.getMessage());
    }

    @Test
    void builder_nonPositiveBudgets_failNamingThem() {
        RetryFilter.Builder b = RetryFilter.builder();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.callTimeout(Duration.ZERO))
                .getMessage()
                .startsWith("callTimeout must be positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.attemptTimeout(Duration.ofMillis(-1)))
                .getMessage()
                .startsWith("attemptTimeout must be positive"));
        assertThrows(NullPointerException.class, () -> b.nanoTime(null));
    }

    @Test
    void deadline_messages_nameTheBudget() {
        Deadline call = Deadline.after(Duration.ofMillis(1500), "call timeout", time);

        assertEquals("call timeout of 1500 ms", call.toString());
        assertEquals(
                "the call timeout of 1500 ms passed while reading the response body",
                call.exceeded("reading the response body").getMessage());
    }

    @Test
    void deadline_nearNanoTimeOverflow_stillCountsDown() {
        // FakeTime starts close to Long.MAX_VALUE: only differences of nanoTime readings are meaningful.
        Deadline d = Deadline.after(Duration.ofMinutes(1), "call timeout", time);

        time.advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), d.remaining());
        time.advance(Duration.ofSeconds(2));
        assertTrue(d.isExpired());
        assertEquals(Duration.ZERO, d.remaining());
        assertSame(d, d.earlier(Deadline.after(Duration.ofHours(1), "later", time)));
    }

    private RetryFilter filter(Duration call, Duration attempt) {
        return RetryFilter.builder()
                .policy(instantRetries)
                .sleeper(time)
                .clock(Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC))
                .nanoTime(time)
                .callTimeout(call)
                .attemptTimeout(attempt)
                .build();
    }

    private static HttpRequest request(HttpMethod method) {
        HttpRequest.Builder b = HttpRequest.builder(method, SERVERS);
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            b.body(RequestBody.json("{\"server\": {\"name\": \"vm\"}}"));
        }
        return b.build();
    }

    private static HttpResponse status(int status, String... headers) {
        return HttpResponse.of(status, Headers.of(headers), "");
    }

    /** A chain answering attempt n (1-based) with a response or an IOException, counting the attempts. */
    private static final class Counting implements FilterChain {
        private final java.util.function.IntFunction<Object> answer;
        int calls;

        Counting(java.util.function.IntFunction<Object> answer) {
            this.answer = answer;
        }

        @Override
        public HttpResponse proceed(HttpRequest request) throws IOException {
            Object a = answer.apply(++calls);
            if (a instanceof IOException) {
                throw (IOException) a;
            }
            return (HttpResponse) a;
        }
    }
}
