package dev.workflowtracing.tracestore.partitions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How much time one partition holds ({@code tracing.persistence.partition-interval}, ISO-8601, a
 * day by default): whole hours that divide a day ({@code PT1H}, {@code PT6H}) or whole days up to
 * 31 ({@code P1D}, {@code P7D}). Intervals are aligned on the epoch, so a day's partitions begin at
 * midnight UTC, and a partition's name says when it begins: {@code spans_p20261201} (daily or
 * longer) or {@code spans_p20261201t06} (shorter).
 */
public record PartitionInterval(Duration length) {

  public static final String KEY = "tracing.persistence.partition-interval";

  private static final Duration DAY = Duration.ofDays(1); // before DAILY, which checks against it
  private static final DateTimeFormatter DAY_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd't'HH").withZone(ZoneOffset.UTC);

  public static final PartitionInterval DAILY = new PartitionInterval(DAY);

  public PartitionInterval {
    boolean wholeHoursOfADay =
        length.compareTo(DAY) < 0
            && length.compareTo(Duration.ofHours(1)) >= 0
            && length.toSeconds() % 3600 == 0
            && DAY.toSeconds() % length.toSeconds() == 0;
    boolean wholeDays =
        length.compareTo(DAY) >= 0
            && length.compareTo(Duration.ofDays(31)) <= 0
            && length.toSeconds() % DAY.toSeconds() == 0;
    if (!wholeHoursOfADay && !wholeDays) {
      throw new IllegalArgumentException(
          KEY
              + " must be whole hours that divide a day (PT1H, PT2H, PT3H, PT4H, PT6H, PT8H, PT12H)"
              + " or whole days up to P31D (got "
              + length
              + ")");
    }
  }

  /** Parses the setting; a text that is no ISO-8601 duration is refused naming the key. */
  public static PartitionInterval parse(String text) {
    try {
      return new PartitionInterval(Duration.parse(text.trim()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          KEY + " must be an ISO-8601 duration such as P1D or PT6H (got \"" + text + "\")", e);
    }
  }

  /** The start of the interval that holds {@code epochMillis}. */
  public long floor(long epochMillis) {
    long millis = length.toMillis();
    return Math.floorDiv(epochMillis, millis) * millis;
  }

  /** The name of {@code table}'s partition that begins at {@code fromMillis}. */
  public String partitionName(String table, long fromMillis) {
    Instant from = Instant.ofEpochMilli(fromMillis);
    return table + "_p" + (length.compareTo(DAY) < 0 ? HOUR_NAME : DAY_NAME).format(from);
  }
}
