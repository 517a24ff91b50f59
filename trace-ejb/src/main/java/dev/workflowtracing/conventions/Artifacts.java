package dev.workflowtracing.conventions;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import java.util.function.Supplier;

/**
 * Records node inputs and outputs, prompts and responses as span events named {@value #EVENT}. The
 * persistence exporter stores them with their span (its artifacts column); OTLP receives them as
 * ordinary events.
 */
public final class Artifacts {

  public static final String EVENT = "workflow.artifact";
  public static final AttributeKey<String> KIND = AttributeKey.stringKey("artifact.kind");
  public static final AttributeKey<String> CONTENT_TYPE =
      AttributeKey.stringKey("artifact.content_type");
  public static final AttributeKey<String> CONTENT = AttributeKey.stringKey("artifact.content");
  public static final AttributeKey<Long> ORIGINAL_LENGTH =
      AttributeKey.longKey("artifact.original_length");

  private Artifacts() {}

  /** Kinds: input, output, prompt, response, request, error. */
  public static void record(Span span, String kind, String contentType, String content) {
    span.addEvent(
        EVENT,
        Attributes.of(KIND, kind, CONTENT_TYPE, contentType, CONTENT, String.valueOf(content)));
  }

  /**
   * The same for content that costs something to produce (JSON written out): produced only when the
   * span records, not when tracing is off or the trace is sampled out.
   */
  public static void record(Span span, String kind, String contentType, Supplier<String> content) {
    if (span.isRecording()) {
      String text;
      try {
        text = content.get();
      } catch (RuntimeException e) {
        // Tracing never fails a run: the artifact says what went wrong instead.
        text = "[could not be recorded: " + e + "]";
      }
      record(span, kind, contentType, text);
    }
  }
}
