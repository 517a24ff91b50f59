package dev.workflowtracing.instrumentation;

import dev.workflowtracing.spans.FinishedSpan;
import dev.workflowtracing.spans.SpanEvent;
import dev.workflowtracing.spans.SpanLink;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;

/**
 * What a finished span weighs on the heap, estimated from its content: the queues that hold spans
 * bound it in bytes, because a span with a prompt and a response weighs a hundred times one
 * without. Upper-bound estimate: two bytes a character, plus the objects around each value.
 */
final class SpanBytes {

  /** The span's own objects: ids, context, timestamps, resource and scope references. */
  static final long SPAN_OVERHEAD = 512;

  private static final long ENTRY_OVERHEAD = 48;
  private static final long EVENT_OVERHEAD = 64;

  private SpanBytes() {}

  static long estimate(SpanData span) {
    long bytes = SPAN_OVERHEAD + chars(span.getName()) + attributes(span.getAttributes());
    bytes += chars(span.getStatus().getDescription());
    for (EventData event : span.getEvents()) {
      bytes += EVENT_OVERHEAD + chars(event.getName()) + attributes(event.getAttributes());
    }
    for (LinkData link : span.getLinks()) {
      bytes += EVENT_OVERHEAD + attributes(link.getAttributes());
    }
    return bytes;
  }

  /** The same for a span on its way to the store. */
  static long estimate(FinishedSpan span) {
    long bytes = SPAN_OVERHEAD + chars(span.name()) + attributes(span.attributes());
    bytes += chars(span.statusMessage());
    for (SpanEvent event : span.events()) {
      bytes += EVENT_OVERHEAD + chars(event.name()) + attributes(event.attributes());
    }
    for (SpanLink link : span.links()) {
      bytes += EVENT_OVERHEAD + attributes(link.attributes());
    }
    return bytes;
  }

  private static long attributes(Attributes attributes) {
    // forEach, not asMap(): the SDK's asMap() copies every attribute into a new map.
    long[] bytes = {0};
    attributes.forEach(
        (key, value) -> bytes[0] += ENTRY_OVERHEAD + chars(key.getKey()) + value(value));
    return bytes[0];
  }

  private static long value(Object value) {
    if (value instanceof String text) {
      return chars(text);
    }
    if (value instanceof List<?> list) {
      long bytes = 0;
      for (Object element : list) {
        bytes += 16 + value(element);
      }
      return bytes;
    }
    return 16; // a boxed number or boolean
  }

  private static long chars(String text) {
    return text == null ? 0 : 40 + 2L * text.length();
  }
}
