package dev.workflowtracing.instrumentation.redaction;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;

/** A finished span with its attributes, events, links and status message redacted. */
final class RedactedSpanData extends DelegatingSpanData {

  private final Attributes attributes;
  private final List<EventData> events;
  private final List<LinkData> links;
  private final StatusData status;

  RedactedSpanData(
      SpanData delegate,
      Attributes attributes,
      List<EventData> events,
      List<LinkData> links,
      StatusData status) {
    super(delegate);
    this.attributes = attributes;
    this.events = events;
    this.links = links;
    this.status = status;
  }

  @Override
  public Attributes getAttributes() {
    return attributes;
  }

  @Override
  public List<EventData> getEvents() {
    return events;
  }

  @Override
  public List<LinkData> getLinks() {
    return links;
  }

  @Override
  public StatusData getStatus() {
    return status;
  }
}
