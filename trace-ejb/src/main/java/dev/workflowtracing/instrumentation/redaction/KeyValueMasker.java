package dev.workflowtracing.instrumentation.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks, in any text, the value of each key/value pair whose key contains a mask key: JSON in prose
 * ({@code "password":"x"}), JSON inside a JSON string ({@code \"password\":\"x\"}) and assignments
 * ({@code password=x}, {@code token: x}). The key stays and the value becomes {@code [REDACTED]}. A
 * bare number or boolean stays, as it does in JSON: {@code tokens: 23} is a count.
 */
final class KeyValueMasker {

  // A key, JSON-quoted (quotes escaped or not), single-quoted or bare, then ':' or '='. Possessive,
  // and bare keys only from their first character: one linear pass over any text.
  private static final Pattern KEY =
      Pattern.compile(
          "(\\\\?\")([^\"\\\\\\r\\n]{1,200}+)\\1\\s*+[:=]\\s*+"
              + "|'([^'\\r\\n]{1,200}+)'\\s*+[:=]\\s*+"
              + "|(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]++)\\s*+[:=]\\s*+");

  private final MaskKeys maskKeys;

  KeyValueMasker(MaskKeys maskKeys) {
    this.maskKeys = maskKeys;
  }

  String mask(String text) {
    return mayMatch(text) ? maskPairs(text) : text;
  }

  /** False when the text has no ':' or '=', or no mask key in any case: one pass for most texts. */
  boolean mayMatch(String text) {
    return !maskKeys.isEmpty()
        && (text.indexOf(':') >= 0 || text.indexOf('=') >= 0)
        && maskKeys.occurIn(text, 0, text.length());
  }

  /** Every pair with a mask key masked, whatever the prefilter says. */
  String maskPairs(String text) {
    Matcher key = KEY.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from < text.length() && key.find(from)) {
      from = key.end();
      if (!maskKeys.matches(keyName(key))) {
        continue;
      }
      boolean escaped = "\\\"".equals(key.group(1));
      PairValue value = PairValue.at(text, key.end(), escaped);
      if (value.isKept()) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, key.end()).append(value.mask(key.group(1)));
      copied = value.end();
      from = value.end();
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static String keyName(Matcher key) {
    for (int group = 2; group <= 4; group++) {
      if (key.group(group) != null) {
        return key.group(group);
      }
    }
    return "";
  }
}
