package dev.workflowtracing.instrumentation.redaction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the value of a key/value pair in text ends: a quoted string (to its closing quote), an
 * object or array (to its closing bracket), or a bare word. Inside a JSON string ({@code escaped}),
 * {@code \"} is a quote and {@code \\} a backslash, and a bare {@code "} ends the string and so the
 * value. A value that is never closed runs to the end of the text.
 */
final class PairValue {

  private static final Pattern MARKER = Pattern.compile("\\[REDACTED(?::[^\\]]*)?]");
  private static final Pattern SCALAR = Pattern.compile("-?\\d+(?:\\.\\d+)?|true|false|null");
  // An authorization value's scheme goes with its credential: "Basic dXNlcjpw" is one value.
  private static final Pattern SCHEME =
      Pattern.compile("(?i)(?:basic|bearer|digest|negotiate|ntlm|token)\\s++(?=\\S)");

  private final String text;
  private final int start;
  private final boolean escaped;
  private int at;
  private String quote;
  private boolean bracketed;
  private boolean closed;

  private PairValue(String text, int start, boolean escaped) {
    this.text = text;
    this.start = start;
    this.escaped = escaped;
    this.at = start;
  }

  /** The value starting at {@code start}. */
  static PairValue at(String text, int start, boolean escaped) {
    PairValue value = new PairValue(text, start, escaped);
    value.scan();
    return value;
  }

  /** The end of the value (exclusive); its start when there is none. */
  int end() {
    return at;
  }

  /** Nothing to mask: no value, a value masked already, or a bare number or boolean (a count). */
  boolean isKept() {
    if (at == start) {
      return true;
    }
    String content = content();
    return MARKER.matcher(content).matches()
        || quote == null && !bracketed && SCALAR.matcher(content).matches();
  }

  /**
   * The mask, in the value's quotes; an object or array after a quoted key becomes a string in the
   * key's quotes, so JSON stays JSON.
   */
  String mask(String keyQuote) {
    if (quote != null) {
      return quote + Mask.TEXT + (closed ? quote : "");
    }
    return bracketed && keyQuote != null ? keyQuote + Mask.TEXT + keyQuote : Mask.TEXT;
  }

  private String content() {
    if (quote == null) {
      return text.substring(start, at);
    }
    int from = start + quote.length();
    int to = closed ? at - quote.length() : at;
    return from <= to ? text.substring(from, to) : "";
  }

  private void scan() {
    int c = peek();
    if (c == '"' || c == '\'') {
      quote = text.substring(start, at + width());
      skipString((char) c);
    } else if (c == '{' || c == '[') {
      bracketed = true;
      skipBrackets();
    } else if (c != '=' && c >= 0) {
      Matcher scheme = SCHEME.matcher(text).region(start, text.length());
      if (scheme.lookingAt()) {
        at = scheme.end();
      }
      while (peek() >= 0 && !endsBareValue(peek()) && !atEscapedQuote()) {
        next();
      }
    }
  }

  private void skipString(char delimiter) {
    next();
    while (peek() >= 0) {
      int c = next();
      if (c == '\\' && delimiter == '"') {
        next();
      } else if (c == delimiter) {
        closed = true;
        return;
      }
    }
  }

  private void skipBrackets() {
    int depth = 0;
    while (peek() >= 0) {
      int c = peek();
      if (c == '"') {
        skipString('"');
        continue;
      }
      next();
      if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return;
      }
    }
  }

  /** In text that is not itself a JSON string, \" still ends a bare value (prose quoting). */
  private boolean atEscapedQuote() {
    return !escaped && text.startsWith("\\\"", at);
  }

  private static boolean endsBareValue(int c) {
    return Character.isWhitespace(c) || ",;&\"'<>(){}[]".indexOf(c) >= 0;
  }

  /** The next character as the value sees it, or -1 at the end of the value's string. */
  private int peek() {
    if (at >= text.length()) {
      return -1;
    }
    char c = text.charAt(at);
    if (!escaped) {
      return c;
    }
    if (c == '"') {
      return -1;
    }
    if (c == '\\' && at + 1 < text.length()) {
      return switch (text.charAt(at + 1)) {
        case 'n' -> '\n';
        case 'r' -> '\r';
        case 't' -> '\t';
        default -> text.charAt(at + 1);
      };
    }
    return c;
  }

  private int width() {
    return escaped && text.charAt(at) == '\\' && at + 1 < text.length() ? 2 : 1;
  }

  private int next() {
    int c = peek();
    if (c >= 0) {
      at += width();
    }
    return c;
  }
}
