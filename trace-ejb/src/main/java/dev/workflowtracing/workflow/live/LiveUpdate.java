package dev.workflowtracing.workflow.live;

import dev.workflowtracing.workflow.run.RunEvent;

/**
 * What a watcher of a run receives, numbered within the run: one of its events, or — for a watcher
 * that joins late or falls far behind — a snapshot of the whole run standing for every event up to
 * its number, so that Last-Event-ID still resumes after it.
 */
public sealed interface LiveUpdate {

  /** Events up to and including this number are accounted for. */
  long id();

  /** Whether nothing follows for this run. */
  boolean endsRun();

  /** One event of the run, numbered from 1. */
  record Event(long id, RunEvent event) implements LiveUpdate {
    @Override
    public boolean endsRun() {
      return event instanceof RunEvent.RunEnded;
    }
  }

  /**
   * The run as it stands after event {@code id}; an ended run's snapshot is followed by its end.
   */
  record Snapshot(long id, RunSnapshot run) implements LiveUpdate {
    @Override
    public boolean endsRun() {
      return false;
    }
  }
}
