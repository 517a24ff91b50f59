package dev.workflowtracing.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Where a page of the trail ended: its last row's time and id, as an opaque cursor. */
public record AuditCursor(long atMillis, String eventId) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((atMillis + ":" + eventId).getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names; {@link IllegalArgumentException} for one we did not make. */
  public static AuditCursor decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int colon = text.indexOf(':');
      String id = text.substring(colon + 1);
      UUID.fromString(id);
      return new AuditCursor(Long.parseLong(text.substring(0, colon)), id);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "\"cursor\" is not one this API gave: pass the nextCursor of the previous page");
    }
  }
}
