package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunJournalTest {

  private final List<String> written = new ArrayList<>();
  private final Set<String> started = new java.util.HashSet<>();
  private boolean databaseUp = true;

  /** Inputs or outputs the "database" refuses, as a column too short or a NUL would be refused. */
  private String refused = "never";

  private final RunJournal journal = new RunJournal();

  {
    journal.store =
        new RunStore() {
          @Override
          public void started(RunRecord run) {
            write("started " + run.getRunId(), run.getInputs());
            started.add(run.getRunId());
          }

          @Override
          public boolean finished(RunEnd end) {
            if (!started.contains(end.runId())) {
              return false;
            }
            write("finished " + end.runId(), end.outputsJson());
            return true;
          }

          @Override
          public boolean answers() {
            if (!databaseUp) {
              throw new IllegalStateException("database down");
            }
            return true;
          }
        };
  }

  private void write(String what, String payload) {
    if (!databaseUp) {
      throw new IllegalStateException("database down", new SQLException("refused", "08001"));
    }
    if (payload.contains(refused)) {
      throw new IllegalStateException(
          "rolled back", new SQLException("value too long for type", "22001"));
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

  @Test
  void aWriteThatCanNeverSucceedIsStoredWithoutItsPayloadAndBlocksNothing() {
    refused = "poison";
    journal.started(new RunRecord("p", "tp", "w", 1, "test", 0, "{\"x\":\"poison\"}"));
    journal.finished(
        new RunEnd("p", RunStatus.SUCCEEDED, 1, "{\"y\":\"poison\"}", null, 1, RunUsage.NONE));
    journal.started(run("next"));
    journal.finished(end("next"));

    assertThat(written).containsExactly("started p", "finished p", "started next", "finished next");
    assertThat(journal.pendingWrites()).isZero();
    assertThat(journal.repairedWrites()).isEqualTo(2);
    assertThat(journal.rejectedWrites()).isZero();
  }

  @Test
  void aWriteThatFailsEvenWithoutItsPayloadIsSetAsideAndCounted() {
    refused = "notStored"; // the repaired record fails too
    journal.started(new RunRecord("p", "tp", "w", 1, "test", 0, "{\"notStored\":1}"));
    journal.finished(end("p"));
    journal.started(run("next"));

    assertThat(written).containsExactly("started next");
    assertThat(journal.rejectedWrites()).isEqualTo(2); // the start, and the end without a start
    assertThat(journal.pendingWrites()).isZero();
  }

  @Test
  void aPoisonWriteQueuedDuringAnOutageDoesNotBlockTheWritesBehindIt() {
    databaseUp = false;
    refused = "notStored";
    journal.started(new RunRecord("p", "tp", "w", 1, "test", 0, "{\"notStored\":1}"));
    journal.started(run("b"));
    databaseUp = true;
    journal.retry();

    assertThat(written).containsExactly("started b");
    assertThat(journal.pendingWrites()).isZero();
    assertThat(journal.rejectedWrites()).isEqualTo(1);
  }

  private static RunRecord run(String id) {
    return new RunRecord(id, "t" + id, "w", 1, "test", 0, "{}");
  }

  private static RunEnd end(String id) {
    return new RunEnd(id, RunStatus.SUCCEEDED, 1, "{}", null, 1, RunUsage.NONE);
  }
}
