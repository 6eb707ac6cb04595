package dev.novasdk.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {
        private FakeCloud first;

        @Test
        @Order(1)
        void first(FakeCloud cloud) {
            STARTED.add(cloud);
            first = cloud;
        }

        @Test
        @Order(2)
        void second(FakeCloud cloud) {
            STARTED.add(cloud);
            assertTrue(first == null || first == cloud);
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
    class ExtensionPoint {
        @Test
        void anotherExtensionSeesTheSameCloud(URI compute, FakeCloud cloud) {
            STARTED.add(cloud);
            assertEquals(cloud.computeEndpoint(), compute.toString());
        }

        @Test
        void separateTestsGetSeparateClouds(FakeCloud cloud) {
            STARTED.add(cloud);
            for (FakeCloud other : STARTED) {
                if (other != cloud) {
                    assertNotSame(other, cloud);
                }
            }
        }
    }
}
