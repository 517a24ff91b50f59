package dev.workflowtracing.workflow.live;

import dev.workflowtracing.workflow.run.RunEvent;
import java.util.List;

/** Rough heap sizes of what {@link RunsInFlight} holds, so that it is bounded in bytes. */
final class EventSize {

  /** A run's own fields and collections. */
  static final long RUN = 512;

  /** One node's state with its map entry. */
  static final long NODE = 160;

  private static final long EVENT = 96;

  private EventSize() {}

  static long of(RunEvent event) {
    if (event instanceof RunEvent.RunQueued queued) {
      return EVENT + chars(queued.inputsJson());
    } else if (event instanceof RunEvent.RunStarted started) {
      return EVENT + chars(started.inputsJson()) + chars(started.nodeIds());
    } else if (event instanceof RunEvent.NodeAttemptEnded attempt) {
      return EVENT + chars(attempt.error());
    } else if (event instanceof RunEvent.RunEnded end) {
      return EVENT + chars(end.outputsJson()) + chars(end.error());
    }
    return EVENT;
  }

  private static long chars(String text) {
    return text == null ? 0 : 40 + text.length() * 2L;
  }

  private static long chars(List<String> texts) {
    return texts.stream().mapToLong(EventSize::chars).sum() + 16L * texts.size();
  }
}
