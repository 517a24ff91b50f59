package dev.workflowtracing.tracestore.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.tracestore.partitions.PartitionPlan.Range;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionPlanTest {

  private static final long DAY = 86_400_000L;
  private static final long NOW = Instant.parse("2026-12-01T15:00:00Z").toEpochMilli();
  private static final long TODAY = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();

  private static Partition day(long from) {
    return new Partition(PartitionedTable.SPANS, "p" + from, from, from + DAY, 0, 0);
  }

  @Test
  void anEmptyTableGetsYesterdayTodayAndTheDaysAhead() {
    assertThat(PartitionPlan.missing(List.of(), PartitionInterval.DAILY, NOW, 3))
        .containsExactly(
            new Range(TODAY - DAY, TODAY),
            new Range(TODAY, TODAY + DAY),
            new Range(TODAY + DAY, TODAY + 2 * DAY),
            new Range(TODAY + 2 * DAY, TODAY + 3 * DAY),
            new Range(TODAY + 3 * DAY, TODAY + 4 * DAY));
  }

  @Test
  void newPartitionsContinueFromTheNewestThatExists() {
    List<Partition> existing = List.of(day(TODAY - DAY), day(TODAY), day(TODAY + DAY));
    assertThat(PartitionPlan.missing(existing, PartitionInterval.DAILY, NOW, 3))
        .containsExactly(
            new Range(TODAY + 2 * DAY, TODAY + 3 * DAY),
            new Range(TODAY + 3 * DAY, TODAY + 4 * DAY));
    assertThat(
            PartitionPlan.missing(List.of(day(TODAY + 3 * DAY)), PartitionInterval.DAILY, NOW, 3))
        .isEmpty();
  }

  @Test
  void theDefaultPartitionIsNoReferenceAndOldPartitionsLeaveNoGapToFill() {
    Partition fallback =
        new Partition(
            PartitionedTable.SPANS, "spans_default", Long.MIN_VALUE, Long.MAX_VALUE, 0, 0);
    List<Range> afterAWeekDown =
        PartitionPlan.missing(
            List.of(day(TODAY - 8 * DAY), fallback), PartitionInterval.DAILY, NOW, 1);
    assertThat(afterAWeekDown)
        .containsExactly(
            new Range(TODAY - DAY, TODAY),
            new Range(TODAY, TODAY + DAY),
            new Range(TODAY + DAY, TODAY + 2 * DAY));
  }

  @Test
  void aChangedIntervalStartsWhereTheLastPartitionEndsAndThenFollowsItsGrid() {
    PartitionInterval sixHours = PartitionInterval.parse("PT6H");
    List<Range> ranges = PartitionPlan.missing(List.of(day(TODAY)), sixHours, NOW, 1);
    long six = 6 * 3_600_000L;
    assertThat(ranges).isEmpty(); // today's partition reaches past 15:00 + 6 h + 6 h
    ranges = PartitionPlan.missing(List.of(day(TODAY)), sixHours, NOW + 2 * six, 1);
    assertThat(ranges)
        .containsExactly(
            new Range(TODAY + DAY, TODAY + DAY + six),
            new Range(TODAY + DAY + six, TODAY + DAY + 2 * six));
  }
}
