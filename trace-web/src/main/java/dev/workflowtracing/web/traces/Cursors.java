package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.RunOrder;
import dev.workflowtracing.tracestore.RunPosition;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.input.Params;
import dev.workflowtracing.web.problem.BadRequestProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Opaque page cursors: the keyset position, versioned and base64url-encoded, so clients cannot come
 * to depend on what is inside.
 */
final class Cursors {

  // One prefix per order, so a cursor is only ever used in the order it came from.
  private static final Map<RunOrder, String> VERSIONS =
      Map.of(
          RunOrder.NEWEST_FIRST,
          "v1",
          RunOrder.LONGEST_FIRST,
          "d1",
          RunOrder.COSTLIEST_FIRST,
          "c1",
          RunOrder.MOST_TOKENS_FIRST,
          "t1");

  private Cursors() {}

  static String encode(RunPosition position) {
    String plain = VERSIONS.get(position.order()) + ":" + position.key() + ":" + position.runId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static RunPosition decode(String cursor, RunOrder order) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", 3);
      if (parts.length != 3 || !parts[0].equals(VERSIONS.get(order))) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      return new RunPosition(order, Long.parseLong(parts[1]), Ids.runId(parts[2]));
    } catch (IllegalArgumentException | BadRequestProblem e) {
      throw new BadRequestProblem(
          "Invalid cursor \""
              + Params.excerpt(cursor)
              + "\": pass the nextCursor of a previous page unchanged, with the same sort");
    }
  }
}
