package dev.workflowtracing.instrumentation.redaction;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A finished span as every exporter sees it: {@link #toSpanData()} is redacted, computed once (on
 * the first processor thread that asks, not on the workflow's thread) and shared, so the OTLP and
 * the database processors get the same redacted data and never the raw.
 */
final class RedactedSpan implements ReadableSpan {

  private static final Logger LOG = Logger.getLogger(RedactedSpan.class.getName());

  private final ReadableSpan delegate;
  private final Redactor redactor;
  private volatile SpanData redacted;

  RedactedSpan(ReadableSpan delegate, Redactor redactor) {
    this.delegate = delegate;
    this.redactor = redactor;
  }

  @Override
  public SpanData toSpanData() {
    SpanData result = redacted;
    if (result == null) {
      synchronized (this) {
        if (redacted == null) {
          redacted = redactOrStrip(delegate.toSpanData());
        }
        result = redacted;
      }
    }
    return result;
  }

  /** Never the raw data: if redaction fails, only the span's shape (ids, name, times) goes on. */
  private SpanData redactOrStrip(SpanData raw) {
    try {
      return redactor.span(raw);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Redaction of span " + raw.getName() + " failed; sending it bare", e);
      return new RedactedSpanData(
          raw,
          Attributes.empty(),
          List.of(),
          List.of(),
          StatusData.create(raw.getStatus().getStatusCode(), "[REDACTED:failed]"));
    }
  }

  @Override
  public SpanContext getSpanContext() {
    return delegate.getSpanContext();
  }

  @Override
  public SpanContext getParentSpanContext() {
    return delegate.getParentSpanContext();
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  @SuppressWarnings("deprecation") // required by the interface
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return delegate.getInstrumentationLibraryInfo();
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return delegate.getInstrumentationScopeInfo();
  }

  @Override
  public boolean hasEnded() {
    return delegate.hasEnded();
  }

  @Override
  public long getLatencyNanos() {
    return delegate.getLatencyNanos();
  }

  @Override
  public SpanKind getKind() {
    return delegate.getKind();
  }

  @Override
  public <T> T getAttribute(AttributeKey<T> key) {
    return toSpanData().getAttributes().get(key);
  }

  @Override
  public Attributes getAttributes() {
    return toSpanData().getAttributes();
  }
}
