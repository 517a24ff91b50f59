package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.RunFilter;
import dev.workflowtracing.tracestore.RunOrder;
import dev.workflowtracing.tracestore.RunPosition;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import dev.workflowtracing.workflow.run.RunStatus;
import jakarta.ws.rs.QueryParam;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;

/** The query parameters of {@code GET /api/traces}, checked one by one with a message each. */
public class RunListParameters {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 200;
  private static final BigDecimal MAX_COST = new BigDecimal("1000000000");

  @QueryParam("workflowId")
  String workflowId;

  @QueryParam("status")
  String status;

  @QueryParam("from")
  String from;

  @QueryParam("to")
  String to;

  @QueryParam("minDurationMs")
  String minDurationMs;

  @QueryParam("maxDurationMs")
  String maxDurationMs;

  @QueryParam("attribute")
  String attribute;

  @QueryParam("name")
  String name;

  @QueryParam("minCost")
  String minCost;

  @QueryParam("minTokens")
  String minTokens;

  @QueryParam("limit")
  String limit;

  @QueryParam("sort")
  String sort;

  @QueryParam("cursor")
  String cursor;

  RunFilter filter() {
    Optional<Long> fromMillis = Params.instant("from", from);
    Optional<Long> toMillis = Params.instant("to", to);
    if (fromMillis.isPresent() && toMillis.isPresent() && fromMillis.get() >= toMillis.get()) {
      throw new BadRequestProblem("\"from\" must be before \"to\"");
    }
    Optional<Long> min = nonNegative("minDurationMs", minDurationMs);
    Optional<Long> max = nonNegative("maxDurationMs", maxDurationMs);
    if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
      throw new BadRequestProblem("\"minDurationMs\" must not be more than \"maxDurationMs\"");
    }
    Optional<String> attributeKey = Optional.empty();
    Optional<String> attributeValue = Optional.empty();
    if (present(attribute)) {
      int eq = attribute.indexOf('=');
      if (eq <= 0 || attribute.length() > 1255) {
        throw new BadRequestProblem(
            "\"attribute\" must be key=value, e.g. gen_ai.request.model=sim-small (got \""
                + Params.excerpt(attribute)
                + "\")");
      }
      attributeKey = Optional.of(attribute.substring(0, eq));
      attributeValue = Optional.of(attribute.substring(eq + 1));
    }
    return new RunFilter(
        Params.text("workflowId", workflowId, 100),
        status(),
        fromMillis,
        toMillis,
        min,
        max,
        attributeKey,
        attributeValue,
        Params.text("name", name, 200),
        costNanos(),
        Params.whole("minTokens", minTokens, 0, Long.MAX_VALUE));
  }

  /** {@code minCost}: an amount in the price table's currency, 0 to 1,000,000,000. */
  private Optional<Long> costNanos() {
    if (!present(minCost)) {
      return Optional.empty();
    }
    try {
      BigDecimal cost = new BigDecimal(minCost.strip());
      if (minCost.length() <= 40 && cost.signum() >= 0 && cost.compareTo(MAX_COST) <= 0) {
        return Optional.of(
            cost.movePointRight(9).setScale(0, RoundingMode.CEILING).longValueExact());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new BadRequestProblem(
        "\"minCost\" must be an amount from 0 to 1000000000 in the prices' currency, e.g. 0.05"
            + " (got \""
            + Params.excerpt(minCost)
            + "\")");
  }

  int limit() {
    if (!present(limit)) {
      return DEFAULT_LIMIT;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestProblem(
        "\"limit\" must be a whole number from 1 to "
            + MAX_LIMIT
            + " (got \""
            + Params.excerpt(limit)
            + "\")");
  }

  /**
   * {@code sort}: {@code startedAt} (newest first, the default), {@code duration}, {@code cost} or
   * {@code tokens} (the most first).
   */
  RunOrder order() {
    if (!present(sort) || sort.equals("startedAt")) {
      return RunOrder.NEWEST_FIRST;
    }
    return switch (sort) {
      case "duration" -> RunOrder.LONGEST_FIRST;
      case "cost" -> RunOrder.COSTLIEST_FIRST;
      case "tokens" -> RunOrder.MOST_TOKENS_FIRST;
      default ->
          throw new BadRequestProblem(
              "\"sort\" must be startedAt (newest first), duration (longest first), cost (most"
                  + " expensive first) or tokens (most tokens first) (got \""
                  + Params.excerpt(sort)
                  + "\")");
    };
  }

  Optional<RunPosition> after() {
    return present(cursor) ? Optional.of(Cursors.decode(cursor, order())) : Optional.empty();
  }

  private Optional<RunStatus> status() {
    if (!present(status)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunStatus.valueOf(status.trim().toUpperCase()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestProblem(
          "\"status\" must be one of "
              + Arrays.toString(RunStatus.values())
              + " (got \""
              + Params.excerpt(status)
              + "\")");
    }
  }

  private static Optional<Long> nonNegative(String name, String value) {
    if (!present(value)) {
      return Optional.empty();
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 0) {
        return Optional.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestProblem(
        "\""
            + name
            + "\" must be a whole number of milliseconds, 0 or more (got \""
            + Params.excerpt(value)
            + "\")");
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
