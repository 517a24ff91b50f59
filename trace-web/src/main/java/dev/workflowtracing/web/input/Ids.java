package dev.workflowtracing.web.input;

import dev.workflowtracing.web.problem.BadRequestProblem;
import java.util.regex.Pattern;

/** Checks ids from the path before they reach a query. */
public final class Ids {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern RUN_ID = Pattern.compile("[0-9a-fA-F-]{36}");

  private Ids() {}

  public static String traceId(String id) {
    return check(id, TRACE_ID, "trace id", "32 lower-case hex digits");
  }

  public static String spanId(String id) {
    return check(id, SPAN_ID, "span id", "16 lower-case hex digits");
  }

  public static String tokenId(String id) {
    return check(id, RUN_ID, "token id", "a UUID");
  }

  public static String runId(String id) {
    return check(id, RUN_ID, "run id", "a UUID");
  }

  private static String check(String id, Pattern pattern, String what, String shape) {
    if (id == null || !pattern.matcher(id).matches()) {
      throw new BadRequestProblem("Malformed " + what + " \"" + id + "\": expected " + shape);
    }
    return id;
  }
}
