package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A span's {@code exception} event (OpenTelemetry's semantic conventions) with a stack trace that
 * leaves out the container's frames. In WildFly most of a stack is EJB and CDI interceptors and
 * reflection: the workflow's own frames drown in them, and each failed attempt's span carried about
 * 4 KB of them, in the span queues, the database and every trace read. Runs of such frames become
 * one line that says how many were left out.
 */
final class ExceptionEvent {

  static final AttributeKey<String> TYPE = AttributeKey.stringKey("exception.type");
  static final AttributeKey<String> MESSAGE = AttributeKey.stringKey("exception.message");
  static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("exception.stacktrace");

  /** Classes of the container and of reflection, whose frames say nothing about the failure. */
  private static final List<String> CONTAINER_PREFIXES =
      List.of(
          "org.jboss.",
          "org.wildfly.",
          "io.undertow.",
          "java.lang.reflect.",
          "jdk.internal.reflect.",
          "sun.reflect.",
          "jdk.proxy");

  /** A cause chain longer than this is cut (a chain can loop). */
  private static final int MAX_CAUSES = 8;

  private ExceptionEvent() {}

  static void record(Span span, Throwable error) {
    Attributes attributes =
        Attributes.of(
            TYPE,
            error.getClass().getName(),
            STACKTRACE,
            stackTrace(error),
            MESSAGE,
            String.valueOf(error.getMessage()));
    span.addEvent("exception", attributes);
  }

  /** The stack trace as {@link Throwable#printStackTrace()} writes it, container frames folded. */
  static String stackTrace(Throwable error) {
    StringBuilder out = new StringBuilder();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = error;
    for (int depth = 0; current != null && depth < MAX_CAUSES && seen.add(current); depth++) {
      out.append(depth == 0 ? "" : "Caused by: ").append(current).append('\n');
      int folded = 0;
      for (StackTraceElement frame : current.getStackTrace()) {
        if (isContainer(frame)) {
          folded++;
          continue;
        }
        folded = appendFolded(out, folded);
        out.append("\tat ").append(frame).append('\n');
      }
      appendFolded(out, folded);
      current = current.getCause();
    }
    return out.toString();
  }

  private static int appendFolded(StringBuilder out, int folded) {
    if (folded > 0) {
      out.append("\t... ")
          .append(folded)
          .append(folded == 1 ? " container frame" : " container frames")
          .append('\n');
    }
    return 0;
  }

  static boolean isContainer(StackTraceElement frame) {
    String type = frame.getClassName();
    return CONTAINER_PREFIXES.stream().anyMatch(type::startsWith)
        || type.contains("$Proxy$_$$_Weld")
        || type.contains("$$_WeldSubclass");
  }
}
