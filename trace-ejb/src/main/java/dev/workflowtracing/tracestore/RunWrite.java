package dev.workflowtracing.tracestore;

/** One write of the {@link RunJournal}: a run's start or its end. */
sealed interface RunWrite {

  /** Writes it; false when there was nothing to write to (an end whose start is not stored). */
  boolean writeTo(RunStore store);

  /** The same write without what may have made it fail; null when nothing is left to leave out. */
  RunWrite repaired(String reason);

  /** What the repair leaves out. */
  String payload();

  /** For the log: what was written, with the run id. */
  String describe();

  /** A run's start. */
  record Start(RunRecord run, boolean isRepaired) implements RunWrite {
    Start(RunRecord run) {
      this(run, false);
    }

    @Override
    public boolean writeTo(RunStore store) {
      store.started(run);
      return true;
    }

    @Override
    public RunWrite repaired(String reason) {
      return isRepaired ? null : new Start(run.withoutInputs("inputs not stored: " + reason), true);
    }

    @Override
    public String payload() {
      return "its inputs";
    }

    @Override
    public String describe() {
      return "start of run " + run.getRunId();
    }
  }

  /** A run's end. */
  record End(RunEnd end, boolean isRepaired) implements RunWrite {
    End(RunEnd end) {
      this(end, false);
    }

    @Override
    public boolean writeTo(RunStore store) {
      return store.finished(end);
    }

    @Override
    public RunWrite repaired(String reason) {
      return isRepaired ? null : new End(end.withoutPayload("outputs not stored: " + reason), true);
    }

    @Override
    public String payload() {
      return "its outputs and error";
    }

    @Override
    public String describe() {
      return "end of run " + end.runId();
    }
  }
}
