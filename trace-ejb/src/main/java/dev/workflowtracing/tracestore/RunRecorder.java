package dev.workflowtracing.tracestore;

import dev.workflowtracing.instrumentation.TracingSettings;
import dev.workflowtracing.workflow.run.RunEvent;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Keeps each run's row: observes the engine's run events and writes them through the {@link
 * RunJournal}, which never throws (a run never fails because its row could not be written).
 */
@ApplicationScoped
public class RunRecorder {

  @EJB RunJournal journal;
  @Inject TracingSettings settings;
  @Inject CommitDurability durability;

  void queued(@Observes RunEvent.RunQueued run) {
    journal.started(
        RunRecord.queued(
            run.runId(),
            run.workflowId(),
            run.workflowVersion(),
            run.trigger(),
            run.queuedAtMillis(),
            run.inputsJson()));
    durability.awaitWrittenOut(); // accepted: its row survives a crash, as its message does
  }

  void started(@Observes RunEvent.RunStarted run) {
    RunRecord start =
        new RunRecord(
            run.runId(),
            run.traceId(),
            run.workflowId(),
            run.workflowVersion(),
            run.trigger(),
            run.startedAtMillis(),
            run.inputsJson());
    start.executedBy(settings.instanceId());
    journal.started(run.fromQueue() ? start.startingQueuedRun() : start);
  }

  /** First among the run's end's observers: the row is written out before anyone is told. */
  void ended(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) RunEvent.RunEnded run) {
    journal.finished(
        new RunEnd(
            run.runId(),
            run.status(),
            run.endedAtMillis(),
            run.outputsJson(),
            run.error(),
            run.expectedSpans(),
            run.usage()));
    durability.awaitWrittenOut();
  }
}
