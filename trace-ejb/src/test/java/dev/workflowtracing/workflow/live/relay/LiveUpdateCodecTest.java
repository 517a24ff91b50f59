package dev.workflowtracing.workflow.live.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunSnapshot;
import dev.workflowtracing.workflow.run.NodeRun;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveUpdateCodecTest {

  private static final String RUN = "018f0000-0000-7000-8000-000000000001";

  @Test
  void everyKindOfUpdateComesBackAsItWasSent() {
    List<LiveUpdate> updates =
        List.of(
            new LiveUpdate.Event(
                1, new RunEvent.RunQueued(RUN, "fan-out", 2, "api", 10, "{\"a\":1}")),
            new LiveUpdate.Event(
                2,
                new RunEvent.RunStarted(
                    RUN, "t", "root", "fan-out", 2, "api", 11, null, List.of("a", "b"), true)),
            new LiveUpdate.Event(3, new RunEvent.NodeAttemptStarted(RUN, "a", 1, 12, null)),
            new LiveUpdate.Event(
                4, new RunEvent.NodeAttemptEnded(RUN, "a", 1, 13, "boom \"quoted\"", false)),
            new LiveUpdate.Event(
                5,
                new RunEvent.NodeEnded(
                    RUN, new NodeRun("a", 7, 2, NodeRun.Outcome.FAILED, 120, 40, 4500L), 13)),
            new LiveUpdate.Event(
                6,
                new RunEvent.NodeEnded(
                    RUN, new NodeRun("b", 0, 0, NodeRun.Outcome.CANCELLED, 0, 0, null), 13)),
            new LiveUpdate.Event(
                7,
                new RunEvent.RunEnded(RUN, RunStatus.FAILED, 14, "{}", "boom", 5, RunUsage.NONE)),
            new LiveUpdate.Snapshot(
                4,
                new RunSnapshot(
                    RUN,
                    "fan-out",
                    "RUNNING",
                    "t",
                    "root",
                    11L,
                    null,
                    null,
                    List.of(
                        new RunSnapshot.Node("a", "failed", 1, 12L, 13L, "s1"),
                        new RunSnapshot.Node("b", "queued", 0, null, null, null)))));

    for (LiveUpdate update : updates) {
      assertThat(LiveUpdateCodec.decode(LiveUpdateCodec.encode(update))).isEqualTo(update);
    }
  }
}
