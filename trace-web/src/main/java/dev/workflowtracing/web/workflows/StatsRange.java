package dev.workflowtracing.web.workflows;

import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import java.time.Duration;
import java.time.Instant;

/**
 * The time range of a question across runs ({@code from}, {@code to}: ISO-8601 instants, the last 7
 * days by default), at most {@code workflow.stats.max-range-days} long.
 */
record StatsRange(long fromMillis, long toMillis) {

  private static final Duration DEFAULT_RANGE = Duration.ofDays(7);

  static StatsRange parse(String from, String to, int maxRangeDays) {
    long toMillis = Params.instant("to", to).orElse(System.currentTimeMillis());
    long fromMillis = Params.instant("from", from).orElse(toMillis - DEFAULT_RANGE.toMillis());
    if (fromMillis >= toMillis) {
      throw new BadRequestProblem("\"from\" must be before \"to\"");
    }
    if (toMillis - fromMillis > Duration.ofDays(maxRangeDays).toMillis()) {
      throw new BadRequestProblem(
          "\"from\" and \"to\" must be at most "
              + maxRangeDays
              + " days apart (workflow.stats.max-range-days)");
    }
    return new StatsRange(fromMillis, toMillis);
  }

  String from() {
    return Instant.ofEpochMilli(fromMillis).toString();
  }

  String to() {
    return Instant.ofEpochMilli(toMillis).toString();
  }
}
