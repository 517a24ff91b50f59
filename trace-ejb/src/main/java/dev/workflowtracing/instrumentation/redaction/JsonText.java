package dev.workflowtracing.instrumentation.redaction;

import dev.workflowtracing.json.JsonFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/**
 * Text that is a JSON object or array, parsed within bounds: a text too long or nested too deep
 * costs one scan and is then treated as plain text.
 */
final class JsonText {

  /**
   * Longer texts are only scanned by the text rules: a parsed tree costs several times the text.
   */
  static final int MAX_LENGTH = 1 << 20;

  /** Deeper nesting is no payload a workflow makes, and would cost stack to walk. */
  static final int MAX_DEPTH = 64;

  private JsonText() {}

  /** Whether the text, trimmed, starts with { or [ and ends with } or ]: worth trying to parse. */
  static boolean looksLikeJson(String text) {
    int first = 0;
    while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
      first++;
    }
    int last = text.length() - 1;
    while (last > first && Character.isWhitespace(text.charAt(last))) {
      last--;
    }
    if (last <= first) {
      return false;
    }
    char open = text.charAt(first);
    char close = text.charAt(last);
    return open == '{' && close == '}' || open == '[' && close == ']';
  }

  /** The object or array the text holds; null if it is too long, too deep, or not only JSON. */
  static JsonStructure parse(String text) {
    if (text.length() > MAX_LENGTH || !isOneShallowValue(text)) {
      return null;
    }
    try (JsonReader reader = JsonFactory.createReader(new StringReader(text))) {
      return reader.read();
    } catch (JsonException e) {
      return null;
    }
  }

  /**
   * Whether walking the JSON text could mask anything by key: a key naming a mask key holds a
   * string, object or array, or a string holds a mask key and a ':' or '=' (a pair the key/value
   * masking would find). One pass, no parse. Escapes other than unicode ones (which the caller
   * looks for) cannot hide a mask key from it. Anything but JSON outside strings ({'password':
   * 'x'}, {password: x}) answers true: only the text rules can tell then.
   */
  static boolean mayMask(String text, MaskKeys maskKeys) {
    if (maskKeys.isEmpty()) {
      return false;
    }
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c != '"') {
        if (!isJsonOutsideStrings(c)) {
          return true;
        }
        continue;
      }
      int start = i + 1;
      int end = start;
      boolean separator = false;
      while (end < n && text.charAt(end) != '"') {
        char s = text.charAt(end);
        if (s == '\\') {
          end++;
        } else if (s == ':' || s == '=') {
          separator = true;
        }
        end++;
      }
      end = Math.min(end, n);
      int next = skipWhitespace(text, end + 1);
      boolean isKey = next < n && text.charAt(next) == ':';
      if (isKey) {
        int value = skipWhitespace(text, next + 1);
        if (value < n
            && "\"{[".indexOf(text.charAt(value)) >= 0
            && maskKeys.occurIn(text, start, end)) {
          return true;
        }
      } else if (separator && maskKeys.occurIn(text, start, end)) {
        return true;
      }
      i = end;
    }
    return false;
  }

  /** Structure, whitespace, numbers and the letters of true, false and null. */
  private static boolean isJsonOutsideStrings(char c) {
    return "{}[]:,-+.eE0123456789truefalsn \t\r\n".indexOf(c) >= 0;
  }

  private static int skipWhitespace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether brackets outside strings nest at most {@link #MAX_DEPTH} deep and nothing but
   * whitespace follows the first value (the reader would ignore it, and the text that follows would
   * be lost).
   */
  static boolean isOneShallowValue(String text) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          return false;
        }
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return text.substring(i + 1).isBlank();
        }
      }
    }
    return false;
  }
}
