package dev.workflowtracing.web.traces;

import dev.workflowtracing.tracestore.RunPosition;
import dev.workflowtracing.web.input.Ids;
import dev.workflowtracing.web.problem.BadRequestProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: the keyset position, versioned and base64url-encoded, so clients cannot come
 * to depend on what is inside.
 */
final class Cursors {

  private static final String VERSION = "v1";

  private Cursors() {}

  static String encode(RunPosition position) {
    String plain = VERSION + ":" + position.startedAt() + ":" + position.runId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static RunPosition decode(String cursor) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", 3);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        throw new IllegalArgumentException("unknown cursor format");
      }
      return new RunPosition(Long.parseLong(parts[1]), Ids.runId(parts[2]));
    } catch (IllegalArgumentException | BadRequestProblem e) {
      throw new BadRequestProblem(
          "Invalid cursor \"" + cursor + "\": pass the nextCursor of a previous page unchanged");
    }
  }
}
