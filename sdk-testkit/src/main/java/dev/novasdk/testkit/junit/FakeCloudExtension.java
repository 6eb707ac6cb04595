package dev.novasdk.testkit.junit;

import dev.novasdk.compute.ComputeAsyncClient;
import dev.novasdk.compute.ComputeClient;
import dev.novasdk.core.waiter.AsyncSleeper;
import dev.novasdk.core.waiter.Sleeper;
import dev.novasdk.identity.CloudConfig;
import dev.novasdk.identity.Session;
import dev.novasdk.testkit.FakeClock;
import dev.novasdk.testkit.FakeCloud;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Injects a running {@link FakeCloud} into test methods, lifecycle methods and constructors that declare a
 * {@code FakeCloud} parameter, and closes it when its scope ends; a {@link Session}, {@link ComputeClient} or
 * {@link ComputeAsyncClient} parameter gets a ready client of that cloud, whose waiters (and retries) advance
 * the cloud's clock instead of sleeping.
 * Clouds start lazily, so tests that do not ask for one pay nothing.
 *
 * <p>Use {@link WithFakeCloud} for the common settings, or register a configured instance:
 * <pre>{@code
 * @RegisterExtension
 * static final FakeCloudExtension CLOUD = FakeCloudExtension.configured(b -> b.instantBoot(true).keystoneV2(true));
 * }</pre>
 *
 * <p>Scope: with the default per-method lifecycle each test method (with its {@code @BeforeEach} and
 * {@code @AfterEach} methods) gets its own cloud; constructors and {@code @BeforeAll} methods, which run in
 * the class's scope, get the class's cloud.
 *
 * <p>Extension point: another extension (for example one that resolves an SDK {@code Session} or
 * {@code ComputeClient}) calls {@link #fakeCloud(ExtensionContext)} to get the very cloud this extension
 * injects into the same test.
 */
public final class FakeCloudExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(FakeCloudExtension.class);
    private static final String CLOUD = "cloud";
    private static final String SETTINGS = "settings";

    private final Consumer<FakeCloud.Builder> customizer;
    private final boolean perClass;

    /** The extension as {@link WithFakeCloud} registers it: settings come from the annotation. */
    public FakeCloudExtension() {
        this(null, false);
    }

    private FakeCloudExtension(Consumer<FakeCloud.Builder> customizer, boolean perClass) {
        this.customizer = customizer;
        this.perClass = perClass;
    }

    /**
     * An extension whose clouds are further configured by {@code customizer}, applied after any
     * {@link WithFakeCloud} attributes.
     */
    public static FakeCloudExtension configured(Consumer<FakeCloud.Builder> customizer) {
        return new FakeCloudExtension(Objects.requireNonNull(customizer, "customizer"), false);
    }

    /** The same configuration, with one cloud shared by all tests of the class. */
    public FakeCloudExtension perClass() {
        return new FakeCloudExtension(customizer, true);
    }

    private static final class Settings {
        final Consumer<FakeCloud.Builder> customizer;
        final boolean perClass;

        Settings(Consumer<FakeCloud.Builder> customizer, boolean perClass) {
            this.customizer = customizer;
            this.perClass = perClass;
        }
    }

    /** Closes its cloud when JUnit closes the store that holds it. */
    private static final class Resource implements ExtensionContext.Store.CloseableResource {
        final FakeCloud cloud;

        Resource(FakeCloud cloud) {
            this.cloud = cloud;
        }

        @Override
        public void close() {
            cloud.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        remember(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        remember(context);
    }

    // A programmatically registered instance leaves its settings where fakeCloud(..) can find them, so a
    // cloud started on behalf of another extension is configured the same way.
    private void remember(ExtensionContext context) {
        if (customizer != null || perClass) {
            context.getStore(NAMESPACE).put(SETTINGS, new Settings(customizer, perClass));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FakeCloud.class
                || type == Session.class
                || type == ComputeClient.class
                || type == ComputeAsyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        remember(extensionContext);
        FakeCloud cloud = fakeCloud(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == FakeCloud.class) {
            return cloud;
        }
        // One session and client per cloud and scope, closed with the scope; shared by all parameters asking.
        Clients clients = extensionContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "clients@" + System.identityHashCode(cloud), k -> new Clients(cloud), Clients.class);
        if (type == ComputeAsyncClient.class) {
            return clients.async();
        }
        return type == Session.class ? clients.session : clients.nova;
    }

    /**
     * A {@link Session}, {@link ComputeClient} and (built on first request) {@link ComputeAsyncClient} for a fake
     * cloud, configured from its {@code OS_*} settings and living on its clock: waiters sleep by advancing that
     * clock, so a test never waits in real time.
     */
    private static final class Clients implements ExtensionContext.Store.CloseableResource {
        final Session session;
        final ComputeClient nova;
        private final FakeClock clock;
        private final LongSupplier nanoTime;
        private ComputeAsyncClient async;

        Clients(FakeCloud cloud) {
            FakeClock clock = cloud.clock();
            this.clock = clock;
            Sleeper sleeper = clock.isTicking() ? Sleeper.system() : clock::advance;
            this.session = CloudConfig.builder()
                    .environment(cloud.osEnvironment())
                    .searchPaths(List.of())
                    .build()
                    .toSessionBuilder()
                    .clock(clock)
                    .sleeper(sleeper)
                    .build();
            Instant origin = clock.instant();
            long base = System.nanoTime();
            this.nanoTime = clock.isTicking()
                    ? System::nanoTime
                    : () -> base + Duration.between(origin, clock.instant()).toNanos();
            this.nova = ComputeClient.builder()
                    .session(session)
                    .sleeper(sleeper)
                    .nanoTime(nanoTime)
                    .build();
        }

        // Built on first request only: its transport starts I/O threads that tests of the blocking client
        // should not pay for.
        synchronized ComputeAsyncClient async() {
            if (async == null) {
                ComputeAsyncClient.Builder b = ComputeAsyncClient.builder()
                        .session(session)
                        .clock(clock)
                        .nanoTime(nanoTime);
                if (!clock.isTicking()) {
                    // Retry delays and waiter pauses move the cloud's clock and complete at once.
                    b.asyncSleeper(AsyncSleeper.ofInstant(clock::advance));
                }
                async = b.build();
            }
            return async;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (async != null) {
                    async.close();
                }
            }
            nova.close();
            session.close();
        }
    }

    /**
     * The cloud of this test's scope, started now if nobody asked for it yet. Settings come from the
     * nearest registered {@code FakeCloudExtension} instance, then from the nearest {@link WithFakeCloud}
     * (method before class, inner class before outer).
     */
    public static FakeCloud fakeCloud(ExtensionContext context) {
        Objects.requireNonNull(context, "context");
        Settings settings = settings(context);
        Optional<WithFakeCloud> annotation = annotation(context);
        boolean perClass = (settings != null && settings.perClass)
                || annotation
                        .map(a -> a.lifecycle() == WithFakeCloud.Lifecycle.PER_CLASS)
                        .orElse(false);
        ExtensionContext owner = perClass ? classContext(context) : context;
        // Store lookups fall back to the parent contexts' stores, so a plain key would hand a test method the
        // class's cloud once a constructor or @BeforeAll had started one; the owner's id keeps scopes apart.
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        CLOUD + "@" + owner.getUniqueId(),
                        key -> new Resource(start(annotation, settings)),
                        Resource.class)
                .cloud;
    }

    private static FakeCloud start(Optional<WithFakeCloud> annotation, Settings settings) {
        FakeCloud.Builder b = FakeCloud.builder();
        annotation.ifPresent(a -> b.maxMicroversion(a.maxMicroversion())
                .instantBoot(a.instantBoot())
                .instantDelete(a.instantDelete())
                .keystoneV2(a.keystoneV2()));
        if (settings != null && settings.customizer != null) {
            settings.customizer.accept(b);
        }
        return b.start();
    }

    private static Settings settings(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Settings s = c.getStore(NAMESPACE).get(SETTINGS, Settings.class);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static Optional<WithFakeCloud> annotation(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = c.getElement();
            if (element.isPresent()) {
                Optional<WithFakeCloud> a = AnnotationSupport.findAnnotation(element.get(), WithFakeCloud.class);
                if (a.isPresent()) {
                    return a;
                }
            }
        }
        return Optional.empty();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }
}
