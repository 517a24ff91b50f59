package dev.workflowtracing.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunJournalTest {

  private final List<String> written = new ArrayList<>();
  private boolean databaseUp = true;
  private final RunJournal journal = new RunJournal();

  {
    journal.store =
        new RunStore() {
          @Override
          public void started(RunRecord run) {
            write("started " + run.getRunId());
          }

          @Override
          public void finished(RunEnd end) {
            write("finished " + end.runId());
          }
        };
  }

  private void write(String what) {
    if (!databaseUp) {
      throw new IllegalStateException("database down");
    }
    written.add(what);
  }

  @Test
  void writesAtOnceWhileTheDatabaseIsUp() {
    journal.started(run("a"));
    journal.finished(end("a"));

    assertThat(written).containsExactly("started a", "finished a");
    assertThat(journal.pendingWrites()).isZero();
  }

  @Test
  void keepsWritesInOrderWhileTheDatabaseIsDownAndWritesThemWhenItIsBack() {
    journal.started(run("a"));
    databaseUp = false;
    journal.finished(end("a"));
    journal.started(run("b"));
    journal.retry();
    assertThat(journal.pendingWrites()).isEqualTo(2);

    databaseUp = true;
    // A new write waits behind the older ones, so a run is never finished before it started.
    journal.finished(end("b"));
    assertThat(journal.pendingWrites()).isEqualTo(3);
    journal.retry();

    assertThat(written).containsExactly("started a", "finished a", "started b", "finished b");
    assertThat(journal.pendingWrites()).isZero();
    assertThat(journal.droppedWrites()).isZero();
  }

  private static RunRecord run(String id) {
    return new RunRecord(id, "t" + id, "w", 1, "test", 0, "{}");
  }

  private static RunEnd end(String id) {
    return new RunEnd(id, RunStatus.SUCCEEDED, 1, "{}", null, 1);
  }
}
