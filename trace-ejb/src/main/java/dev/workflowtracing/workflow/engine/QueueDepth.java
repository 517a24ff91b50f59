package dev.workflowtracing.workflow.engine;

import dev.workflowtracing.workflow.WorkflowSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs this server has queued and not yet started, from the engine's own events: bounds the
 * queue ({@code workflow.queue.max-depth}) and tells its depth and the oldest run's age.
 */
@ApplicationScoped
public class QueueDepth {

  @Inject WorkflowSettings settings;

  private final Map<String, Long> queuedAt = new ConcurrentHashMap<>();

  /** Refuses a new run while the queue is full; the caller answers 503. */
  public void checkRoom() {
    if (queuedAt.size() >= settings.queueMaxDepth()) {
      throw new RunQueueFullException(settings.queueMaxDepth());
    }
  }

  public int depth() {
    return queuedAt.size();
  }

  /** Milliseconds the oldest queued run has waited; 0 when none waits. */
  public long oldestAgeMillis(long nowMillis) {
    return queuedAt.values().stream().mapToLong(t -> nowMillis - t).max().orElse(0);
  }

  void queued(@Observes RunEvent.RunQueued run) {
    queuedAt.put(run.runId(), run.queuedAtMillis());
  }

  void started(@Observes RunEvent.RunStarted run) {
    queuedAt.remove(run.runId());
  }

  void ended(@Observes RunEvent.RunEnded run) {
    queuedAt.remove(run.runId());
  }
}
