package dev.workflowtracing.web.runs;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.engine.RunEvent;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A run event as the event stream sends it: its type as the SSE event name, its facts as JSON. */
final class RunEventJson {

  private RunEventJson() {}

  static String name(RunEvent event) {
    return event.getClass().getSimpleName();
  }

  static String data(RunEvent event) {
    JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("runId", event.runId());
    if (event instanceof RunEvent.RunQueued queued) {
      json.add("workflowId", queued.workflowId()).add("at", iso(queued.queuedAtMillis()));
    } else if (event instanceof RunEvent.RunStarted started) {
      json.add("workflowId", started.workflowId())
          .add("at", iso(started.startedAtMillis()))
          .add("nodeIds", strings(started.nodeIds()));
      if (started.traceId() != null) {
        json.add("traceId", started.traceId()).add("rootSpanId", started.rootSpanId());
      }
    } else if (event instanceof RunEvent.NodeAttemptStarted attempt) {
      json.add("nodeId", attempt.nodeId())
          .add("attempt", attempt.attempt())
          .add("at", iso(attempt.startedAtMillis()));
      if (attempt.nodeSpanId() != null) {
        json.add("nodeSpanId", attempt.nodeSpanId());
      }
    } else if (event instanceof RunEvent.NodeAttemptEnded attempt) {
      json.add("nodeId", attempt.nodeId())
          .add("attempt", attempt.attempt())
          .add("at", iso(attempt.endedAtMillis()));
      if (attempt.error() != null) {
        json.add("error", attempt.error());
      }
      if (attempt.cancelled()) {
        json.add("cancelled", true);
      }
    } else if (event instanceof RunEvent.RunEnded end) {
      json.add("status", end.status().name()).add("at", iso(end.endedAtMillis()));
      if (end.error() != null) {
        json.add("error", end.error());
      }
    }
    return json.build().toString();
  }

  private static jakarta.json.JsonArrayBuilder strings(java.util.List<String> values) {
    var array = JsonFactory.createArrayBuilder();
    values.forEach(array::add);
    return array;
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
