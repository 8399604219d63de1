package io.drsuite.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A host name (RFC 1123 labels) or an IPv4 or IPv6 literal. Null is valid; combine with {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = NetworkHostValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface NetworkHost {

    String message() default "must be a host name or an IP address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
