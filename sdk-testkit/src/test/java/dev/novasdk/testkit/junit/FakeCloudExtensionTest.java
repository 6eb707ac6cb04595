package dev.novasdk.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.testkit.FakeCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension injects running clouds with the configured settings and closes them afterwards. */
class FakeCloudExtensionTest {
    private static final List<FakeCloud> STARTED = new ArrayList<>();

    static int status(String url) throws Exception {
        HttpResponse<Void> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
        return r.statusCode();
    }

    static boolean isClosed(FakeCloud cloud) {
        try {
            status(cloud.computeEndpoint());
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    @AfterAll
    static void everyCloudWasClosed() {
        assertTrue(STARTED.size() >= 4);
        for (FakeCloud c : STARTED) {
            assertTrue(isClosed(c), "closed after its scope: " + c);
        }
    }

    @Nested
    @WithFakeCloud(maxMicroversion = "2.60", instantBoot = true)
    class PerMethod {
        private FakeCloud fromBeforeEach;

        @BeforeEach
        void setUp(FakeCloud cloud) {
            fromBeforeEach = cloud;
        }

        @Test
        void injectsARunningCloudWithTheAnnotationsSettings(FakeCloud cloud) throws Exception {
            STARTED.add(cloud);
            assertSame(fromBeforeEach, cloud, "@BeforeEach and the test share the method's cloud");
            assertEquals("2.60", cloud.maxMicroversion());
            assertEquals(200, status(cloud.computeEndpoint()));
        }

        @Test
        @WithFakeCloud(maxMicroversion = "2.93")
        void methodAnnotationOverridesTheClass(FakeCloud cloud) {
            STARTED.add(cloud);
            assertEquals("2.93", cloud.maxMicroversion());
        }
    }

    @Nested
    @WithFakeCloud(lifecycle = WithFakeCloud.Lifecycle.PER_CLASS)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one instance, so the fields below see every test
    class PerClass {
        private FakeCloud classCloud;
        private final List<FakeCloud> seen = new ArrayList<>();

        @BeforeAll
        void classScope(FakeCloud cloud) {
            STARTED.add(cloud);
            classCloud = cloud;
        }

        @Test
        void first(FakeCloud cloud) {
            seen.add(cloud);
            assertSame(classCloud, cloud, "every test of the class gets the class's cloud");
        }

        @Test
        void second(FakeCloud cloud) {
            seen.add(cloud);
            assertSame(classCloud, cloud, "every test of the class gets the class's cloud");
        }

        @AfterAll
        void theCloudOutlivedEachTest() {
            assertEquals(2, seen.size());
            assertFalse(isClosed(classCloud), "open until the class's scope ends");
        }
    }

    @Nested
    class Configured {
        @RegisterExtension
        final FakeCloudExtension extension =
                FakeCloudExtension.configured(b -> b.keystoneV2(true).region("RegionTwo"));

        @Test
        void appliesTheCustomizer(FakeCloud cloud) {
            STARTED.add(cloud);
            assertEquals("RegionTwo", cloud.regionName());
            assertTrue(cloud.authUrlV2().endsWith("/identity/v2.0"));
        }
    }

    /** Stands in for the extension the SDK adds later (a Session or ComputeClient resolver). */
    static final class CloudUrlResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == URI.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return URI.create(FakeCloudExtension.fakeCloud(e).computeEndpoint());
        }
    }

    @Nested
    @WithFakeCloud
    @ExtendWith(CloudUrlResolver.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS) // one instance, so the fields below see every test
    class ExtensionPoint {
        private FakeCloud classCloud;
        private final List<FakeCloud> seen = new ArrayList<>();

        @BeforeAll
        void classScope(FakeCloud cloud) {
            STARTED.add(cloud);
            classCloud = cloud;
        }

        @Test
        void anotherExtensionSeesTheSameCloud(URI compute, FakeCloud cloud) {
            STARTED.add(cloud);
            seen.add(cloud);
            assertEquals(cloud.computeEndpoint(), compute.toString());
        }

        @Test
        void separateTestsGetSeparateClouds(FakeCloud cloud) throws Exception {
            STARTED.add(cloud);
            seen.add(cloud);
            assertNotSame(classCloud, cloud, "a test method gets its own cloud, not the class's");
            assertEquals(200, status(cloud.computeEndpoint()));
        }

        @AfterAll
        void eachTestHadItsOwnCloudClosedAfterIt() {
            assertEquals(2, seen.size());
            assertNotSame(seen.get(0), seen.get(1), "two tests, two clouds");
            for (FakeCloud c : seen) {
                assertTrue(isClosed(c), "closed after its test: " + c);
            }
            assertFalse(isClosed(classCloud), "the class's cloud is open until the class's scope ends");
        }
    }
}
