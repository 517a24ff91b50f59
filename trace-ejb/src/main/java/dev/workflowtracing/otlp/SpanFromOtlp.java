package dev.workflowtracing.otlp;

import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One span as OTLP describes it, checked the same way for both encodings: the checks that make a
 * span unusable reject it (with the reason the partial success reports), and small defects are
 * repaired (an end before the start, an unknown kind).
 */
final class SpanFromOtlp {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);
  static final int MAX_NAME_LENGTH = 500;

  /** A span that cannot be stored; the message is the reason. */
  static final class Rejected extends Exception {
    Rejected(String reason) {
      super(reason, null, false, false);
    }
  }

  private SpanFromOtlp() {}

  @SuppressWarnings("java:S107") // a span simply has this many parts
  static FinishedSpan span(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      long kind,
      long statusCode,
      String statusMessage,
      long startNanos,
      long endNanos,
      Attributes attributes,
      List<SpanEvent> events,
      List<SpanLink> links,
      SpanSource source)
      throws Rejected {
    String trace = traceId(traceId, "traceId");
    String span = spanId(spanId, "spanId");
    String parent =
        parentSpanId == null || parentSpanId.isEmpty()
            ? null
            : spanId(parentSpanId, "parentSpanId");
    if (startNanos <= 0) {
      throw new Rejected("span " + span + " has no startTimeUnixNano");
    }
    return new FinishedSpan(
        trace,
        span,
        parent,
        name == null || name.isEmpty() ? "(no name)" : name,
        kind(kind),
        status(statusCode),
        statusMessage == null || statusMessage.isEmpty() ? null : statusMessage,
        startNanos,
        Math.max(startNanos, endNanos),
        attributes,
        events,
        links,
        source);
  }

  static String traceId(String hex, String field) throws Rejected {
    String id = hex == null ? "" : hex.toLowerCase(java.util.Locale.ROOT);
    if (!TRACE_ID.matcher(id).matches() || id.equals(ZERO_TRACE)) {
      throw new Rejected(field + " is not 16 bytes, not all zero (32 hex characters in JSON)");
    }
    return id;
  }

  static String spanId(String hex, String field) throws Rejected {
    String id = hex == null ? "" : hex.toLowerCase(java.util.Locale.ROOT);
    if (!SPAN_ID.matcher(id).matches() || id.equals(ZERO_SPAN)) {
      throw new Rejected(field + " is not 8 bytes, not all zero (16 hex characters in JSON)");
    }
    return id;
  }

  /** OTLP's SpanKind numbers; unspecified or unknown is INTERNAL, as the specification says. */
  static SpanKind kind(long number) {
    return switch ((int) number) {
      case 2 -> SpanKind.SERVER;
      case 3 -> SpanKind.CLIENT;
      case 4 -> SpanKind.PRODUCER;
      case 5 -> SpanKind.CONSUMER;
      default -> SpanKind.INTERNAL;
    };
  }

  static StatusCode status(long number) {
    return switch ((int) number) {
      case 1 -> StatusCode.OK;
      case 2 -> StatusCode.ERROR;
      default -> StatusCode.UNSET;
    };
  }

  static int kindNumber(String kind) {
    return switch (kind) {
      case "INTERNAL" -> 1;
      case "SERVER" -> 2;
      case "CLIENT" -> 3;
      case "PRODUCER" -> 4;
      case "CONSUMER" -> 5;
      default -> 0;
    };
  }

  static int statusNumber(String status) {
    return switch (status) {
      case "OK" -> 1;
      case "ERROR" -> 2;
      default -> 0;
    };
  }
}
