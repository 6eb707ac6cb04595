package dev.novasdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class (or one test method) a running {@link dev.novasdk.testkit.FakeCloud}: declare a
 * {@code FakeCloud} parameter and it is injected, started on a free loopback port and closed afterwards.
 * A method's annotation overrides its class's. For settings beyond these attributes, register
 * {@link FakeCloudExtension#configured(java.util.function.Consumer)} with {@code @RegisterExtension}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeCloudExtension.class)
public @interface WithFakeCloud {
    /** How long one cloud lives. */
    enum Lifecycle {
        /** A fresh cloud for every test method: no state leaks between tests. */
        PER_METHOD,
        /** One cloud for all tests of the class, closed after the last one. */
        PER_CLASS
    }

    /** The highest compute microversion the cloud accepts. */
    String maxMicroversion() default "2.93";

    /** Boot servers straight to ACTIVE. */
    boolean instantBoot() default false;

    /** Remove deleted servers at once. */
    boolean instantDelete() default false;

    /** Also offer Keystone v2.0 tokens. */
    boolean keystoneV2() default false;

    /** Whether each test method gets its own cloud (the default) or the class shares one. */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;
}
