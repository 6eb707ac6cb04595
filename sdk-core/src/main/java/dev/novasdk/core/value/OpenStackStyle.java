package dev.novasdk.core.value;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of every SDK model and request body: implementations stay package-private, generated
 * signatures use the abstract type, and generated code needs no Guava. Source retention, so SDK users never
 * need Immutables on their class path.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@JsonSerialize
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        defaultAsDefault = true)
public @interface OpenStackStyle {}
