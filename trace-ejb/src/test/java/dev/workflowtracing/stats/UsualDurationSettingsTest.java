package dev.workflowtracing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workflowtracing.workflow.live.LiveRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsualDurationSettingsTest {

  @Test
  void refusesValuesOutOfRangeNamingTheKey() {
    assertThatThrownBy(() -> new UsualDurationSettings(0.5, 7, 20))
        .hasMessageContaining("workflow.stats.longer-than-usual.factor");
    assertThatThrownBy(() -> new UsualDurationSettings(1, 0, 20))
        .hasMessageContaining("workflow.stats.longer-than-usual.window-days");
    assertThatThrownBy(() -> new UsualDurationSettings(1, 7, 0))
        .hasMessageContaining("workflow.stats.longer-than-usual.min-executions");
    assertThatThrownBy(() -> new UsualDurationSettings(Double.NaN, 7, 20))
        .hasMessageContaining("factor");
  }

  @Test
  void flagsOnlyARunningNodePastTheFactorTimesItsUsualP95() {
    LiveRun live =
        new LiveRun(
            "RUNNING",
            List.of(
                new LiveRun.Node("slow", "running", 1, "2026-12-02T10:00:00Z", 4_080L),
                new LiveRun.Node("fast", "running", 1, "2026-12-02T10:00:00Z", 900L),
                new LiveRun.Node("done", "succeeded", 1, "2026-12-02T10:00:00Z", 9_000L),
                new LiveRun.Node("new", "running", 1, "2026-12-02T10:00:00Z", 9_000L)));
    Map<String, LiveRun.Node> nodes =
        live.withUsual(Map.of("slow", 1_200L, "fast", 1_200L, "done", 1_200L), 1.0).nodes().stream()
            .collect(java.util.stream.Collectors.toMap(LiveRun.Node::nodeId, n -> n));
    assertThat(nodes.get("slow").timesUsualP95()).isEqualTo(3.4);
    assertThat(nodes.get("slow").usualP95Ms()).isEqualTo(1_200L);
    assertThat(nodes.get("fast").timesUsualP95()).isNull();
    assertThat(nodes.get("done").timesUsualP95()).isNull();
    assertThat(nodes.get("new").usualP95Ms()).isNull();
    assertThat(nodes.get("new").timesUsualP95()).isNull();
  }
}
