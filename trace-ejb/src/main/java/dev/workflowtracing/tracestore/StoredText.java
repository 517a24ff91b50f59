package dev.workflowtracing.tracestore;

import dev.workflowtracing.json.JsonFactory;

/**
 * Makes text fit the column it is stored in, so that a record is repaired before its write rather
 * than failing it: NUL characters removed (PostgreSQL refuses them in text), and text longer than
 * the column cut with a marker that says how much was left out.
 */
public final class StoredText {

  private static final int JSON_PREVIEW_LENGTH = 1000;

  private StoredText() {}

  /** Plain text, NUL-free and at most {@code maxLength} characters. */
  public static String fit(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    String clean = withoutNul(text);
    if (clean.length() <= maxLength) {
      return clean;
    }
    String marker = "…[truncated " + (clean.length() - maxLength) + " chars]";
    int keep = Math.max(0, maxLength - marker.length());
    if (keep > 0 && Character.isHighSurrogate(clean.charAt(keep - 1))) {
      keep--;
    }
    return clean.substring(0, keep) + marker;
  }

  /**
   * A JSON object's text that fits: kept as is when it does, otherwise replaced by an object that
   * says it was too long and shows its beginning (cutting JSON would leave it unreadable). JSON
   * text never holds a raw NUL: the generator escapes it.
   */
  public static String fitJsonObject(String json, int maxLength) {
    if (json == null || json.length() <= maxLength) {
      return json;
    }
    return "{\"truncated\":true,\"originalLength\":"
        + json.length()
        + ",\"preview\":"
        + quoted(json.substring(0, Math.min(JSON_PREVIEW_LENGTH, maxLength / 2)))
        + "}";
  }

  /** The same for a JSON array (span events and links). */
  public static String fitJsonArray(String json, int maxLength) {
    if (json == null || json.length() <= maxLength) {
      return json;
    }
    return "[{\"name\":\"truncated\",\"timeNanos\":0,\"attributes\":{\"originalLength\":"
        + json.length()
        + "}}]";
  }

  private static String withoutNul(String text) {
    return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
  }

  private static String quoted(String text) {
    String preview =
        !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))
            ? text.substring(0, text.length() - 1)
            : text;
    return JsonFactory.createValue(preview).toString();
  }
}
