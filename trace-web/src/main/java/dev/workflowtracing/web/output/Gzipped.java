package dev.workflowtracing.web.output;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose answers can be large (a 1,000-node workflow's comparison is about a
 * megabyte of JSON): {@link GzipLargeAnswers} gzips them for clients that accept it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Gzipped {}
