package dev.novasdk.compute.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novasdk.compute.instanceactions.InstanceActionAsyncManager;
import dev.novasdk.compute.instanceactions.InstanceActionManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.InterfaceAttachmentManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentAsyncManager;
import dev.novasdk.compute.servers.attachments.VolumeAttachmentManager;
import dev.novasdk.compute.servers.info.ServerAddressAsyncManager;
import dev.novasdk.compute.servers.info.ServerAddressManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsAsyncManager;
import dev.novasdk.compute.servers.info.ServerDiagnosticsManager;
import dev.novasdk.compute.servers.info.ServerPasswordAsyncManager;
import dev.novasdk.compute.servers.info.ServerPasswordManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupAsyncManager;
import dev.novasdk.compute.servers.info.ServerSecurityGroupManager;
import dev.novasdk.compute.servers.info.ServerTopologyAsyncManager;
import dev.novasdk.compute.servers.info.ServerTopologyManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerMetadataManager;
import dev.novasdk.compute.servers.metadata.ServerTagAsyncManager;
import dev.novasdk.compute.servers.metadata.ServerTagManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationAsyncManager;
import dev.novasdk.compute.servers.migrations.ServerMigrationManager;
import dev.novasdk.core.paging.PagedIterable;
import dev.novasdk.core.paging.PagedPublisher;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of a blocking server manager has its async twin, with the same name and parameters and the
 * result in a future ({@code void} as {@code Void}, a paged listing as a {@link PagedPublisher}, a sub-resource
 * manager as its async manager), so that a method added to a blocking manager without its twin fails here.
 */
class AsyncManagerCoverageTest {
    /** The blocking managers and their async twins. */
    static final Map<Class<?>, Class<?>> TWINS = Map.ofEntries(
            Map.entry(ServerManager.class, ServerAsyncManager.class),
            Map.entry(InstanceActionManager.class, InstanceActionAsyncManager.class),
            Map.entry(ServerMetadataManager.class, ServerMetadataAsyncManager.class),
            Map.entry(ServerTagManager.class, ServerTagAsyncManager.class),
            Map.entry(ServerAddressManager.class, ServerAddressAsyncManager.class),
            Map.entry(ServerPasswordManager.class, ServerPasswordAsyncManager.class),
            Map.entry(ServerDiagnosticsManager.class, ServerDiagnosticsAsyncManager.class),
            Map.entry(ServerTopologyManager.class, ServerTopologyAsyncManager.class),
            Map.entry(ServerSecurityGroupManager.class, ServerSecurityGroupAsyncManager.class),
            Map.entry(ServerMigrationManager.class, ServerMigrationAsyncManager.class),
            Map.entry(VolumeAttachmentManager.class, VolumeAttachmentAsyncManager.class),
            Map.entry(InterfaceAttachmentManager.class, InterfaceAttachmentAsyncManager.class));

    static Stream<Arguments> twins() {
        return TWINS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @MethodSource("twins")
    void everyBlockingOperation_hasAnAsyncTwin(Class<?> blocking, Class<?> async) {
        assertEquals(blocking.getSimpleName().replace("Manager", "AsyncManager"), async.getSimpleName());
        List<String> missing = new ArrayList<>();
        for (Method m : blocking.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Method twin;
            try {
                twin = async.getMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.toGenericString());
                continue;
            }
            assertEquals(
                    expectedAsync(m.getGenericReturnType()).getTypeName(),
                    twin.getGenericReturnType().getTypeName(),
                    m.toGenericString());
        }
        assertTrue(missing.isEmpty(), async.getSimpleName() + " lacks " + missing);
        assertEquals(
                Stream.of(blocking.getMethods())
                        .filter(m -> !Modifier.isStatic(m.getModifiers()))
                        .count(),
                Stream.of(async.getMethods())
                        .filter(m -> !Modifier.isStatic(m.getModifiers()))
                        .count(),
                async.getSimpleName() + " has operations its blocking twin does not");
    }

    /** The type the async twin of a method returning {@code blocking} returns. */
    static Type expectedAsync(Type blocking) {
        if (blocking instanceof Class<?> c && TWINS.containsKey(c)) {
            return TWINS.get(c);
        }
        if (blocking instanceof ParameterizedType p && p.getRawType() == PagedIterable.class) {
            return parameterized(PagedPublisher.class, p.getActualTypeArguments()[0]);
        }
        return parameterized(CompletableFuture.class, boxed(blocking));
    }

    static Type boxed(Type t) {
        if (t == void.class) {
            return Void.class;
        }
        if (t == boolean.class) {
            return Boolean.class;
        }
        assertTrue(!(t instanceof Class<?> c) || !c.isPrimitive(), "unexpected primitive result " + t);
        return t;
    }

    static Type parameterized(Class<?> raw, Type argument) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {argument};
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getName() + "<" + argument.getTypeName() + ">";
            }
        };
    }
}
