package dev.workflowtracing.tracestore.partitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionIntervalTest {

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void aDayBeginsAtMidnightUtcAndNamesItsPartitionByDate() {
    PartitionInterval daily = PartitionInterval.parse("P1D");
    long start = daily.floor(at("2026-12-01T23:59:59.999Z"));
    assertThat(start).isEqualTo(at("2026-12-01T00:00:00Z"));
    assertThat(daily.floor(at("2026-12-02T00:00:00Z"))).isEqualTo(at("2026-12-02T00:00:00Z"));
    assertThat(daily.partitionName("spans", start)).isEqualTo("spans_p20261201");
  }

  @Test
  void hoursThatDivideADayAreNamedByTheirHour() {
    PartitionInterval sixHours = PartitionInterval.parse("PT6H");
    long start = sixHours.floor(at("2026-12-01T13:10:00Z"));
    assertThat(start).isEqualTo(at("2026-12-01T12:00:00Z"));
    assertThat(sixHours.partitionName("runs", start)).isEqualTo("runs_p20261201t12");
  }

  @Test
  void timesBeforeTheEpochFloorDownward() {
    assertThat(PartitionInterval.DAILY.floor(-1)).isEqualTo(-86_400_000L);
  }

  @Test
  void badIntervalsAreRefusedNamingTheKey() {
    for (String bad : new String[] {"PT5H", "PT30M", "P32D", "P1DT1H", "PT0S", "-P1D"}) {
      assertThatThrownBy(() -> PartitionInterval.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(PartitionInterval.KEY);
    }
    assertThatThrownBy(() -> PartitionInterval.parse("daily"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PartitionInterval.KEY)
        .hasMessageContaining("\"daily\"");
    assertThat(PartitionInterval.parse(" P7D ").length()).isEqualTo(Duration.ofDays(7));
  }
}
