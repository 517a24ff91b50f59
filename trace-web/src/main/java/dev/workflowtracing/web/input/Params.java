package dev.workflowtracing.web.input;

import dev.workflowtracing.web.problem.BadRequestProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses request parameters with a message that says what to send instead. */
public final class Params {

  // Runs are stored in epoch milliseconds; beyond these years an instant means nothing here.
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
  private static final int EXCERPT_LENGTH = 80;

  private Params() {}

  /** An ISO-8601 instant between 1970 and 9999, in epoch milliseconds. */
  public static Optional<Long> instant(String name, String value) {
    if (!present(value)) {
      return Optional.empty();
    }
    try {
      Instant instant = Instant.parse(value.trim());
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        throw new BadRequestProblem(
            "\""
                + name
                + "\" must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z (got \""
                + excerpt(value)
                + "\")");
      }
      return Optional.of(instant.toEpochMilli());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new BadRequestProblem(
          "\""
              + name
              + "\" must be an ISO-8601 instant such as 2026-11-25T10:15:30Z (got \""
              + excerpt(value)
              + "\")");
    } catch (DateTimeException e) {
      throw new BadRequestProblem(
          "\"" + name + "\" is out of range (got \"" + excerpt(value) + "\")");
    }
  }

  /** A whole number from {@code min} to {@code max}. */
  public static Optional<Long> whole(String name, String value, long min, long max) {
    if (!present(value)) {
      return Optional.empty();
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number >= min && number <= max) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestProblem(
        "\""
            + name
            + "\" must be a whole number from "
            + min
            + " to "
            + max
            + " (got \""
            + excerpt(value)
            + "\")");
  }

  /** A workflow version: a whole number from 1, as the {@code version} parameter. */
  public static Optional<Integer> version(String value) {
    return whole("version", value, 1, Integer.MAX_VALUE).map(Long::intValue);
  }

  /** Text of at most {@code maxLength} characters. */
  public static Optional<String> text(String name, String value, int maxLength) {
    if (!present(value)) {
      return Optional.empty();
    }
    if (value.length() > maxLength) {
      throw new BadRequestProblem("\"" + name + "\" must be at most " + maxLength + " characters");
    }
    return Optional.of(value);
  }

  public static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** The start of a value for a message: a problem never echoes a megabyte back. */
  public static String excerpt(String value) {
    return value.length() <= EXCERPT_LENGTH ? value : value.substring(0, EXCERPT_LENGTH) + "…";
  }
}
