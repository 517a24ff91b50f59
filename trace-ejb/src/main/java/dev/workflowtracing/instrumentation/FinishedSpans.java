package dev.workflowtracing.instrumentation;

import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import dev.workflowtracing.spans.SpanSource;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Our own tracer's spans ({@code SpanData}) as the storage port takes them. */
public final class FinishedSpans {

  /** The last source made: every span of this application has the same resource and scope. */
  private static volatile Cached last;

  private record Cached(Resource resource, InstrumentationScopeInfo scope, SpanSource source) {}

  private FinishedSpans() {}

  public static List<FinishedSpan> of(Collection<SpanData> spans) {
    List<FinishedSpan> result = new ArrayList<>(spans.size());
    for (SpanData span : spans) {
      result.add(of(span));
    }
    return result;
  }

  public static FinishedSpan of(SpanData span) {
    var parent = span.getParentSpanContext();
    return new FinishedSpan(
        span.getTraceId(),
        span.getSpanId(),
        parent.isValid() ? parent.getSpanId() : null,
        span.getName(),
        span.getKind(),
        span.getStatus().getStatusCode(),
        span.getStatus().getDescription(),
        span.getStartEpochNanos(),
        span.getEndEpochNanos(),
        span.getAttributes(),
        events(span.getEvents()),
        links(span.getLinks()),
        source(span.getResource(), span.getInstrumentationScopeInfo()));
  }

  private static List<SpanEvent> events(List<EventData> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    List<SpanEvent> result = new ArrayList<>(events.size());
    for (EventData event : events) {
      result.add(new SpanEvent(event.getName(), event.getEpochNanos(), event.getAttributes()));
    }
    return result;
  }

  private static List<SpanLink> links(List<LinkData> links) {
    if (links.isEmpty()) {
      return List.of();
    }
    List<SpanLink> result = new ArrayList<>(links.size());
    for (LinkData link : links) {
      result.add(
          new SpanLink(
              link.getSpanContext().getTraceId(),
              link.getSpanContext().getSpanId(),
              link.getAttributes()));
    }
    return result;
  }

  private static SpanSource source(Resource resource, InstrumentationScopeInfo scope) {
    Cached cached = last;
    if (cached != null && cached.resource() == resource && cached.scope() == scope) {
      return cached.source();
    }
    SpanSource source =
        SpanSource.of(resource.getAttributes(), scope.getName(), scope.getVersion(), false);
    last = new Cached(resource, scope, source);
    return source;
  }
}
