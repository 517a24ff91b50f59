package dev.workflowtracing.instrumentation;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Wraps a business method in a span. The method's {@link TracedOperation} argument names the span
 * and gives its attributes; a returned {@link TracedOutcome} adds what is known only at the end.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Traced {}
