package dev.workflowtracing.instrumentation.redaction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The configured mask keys: a key that contains one, in any case, has its value masked. Also finds
 * them in text, in one pass, for the prefilters.
 */
final class MaskKeys {

  private final List<String> keys;
  // The keys by their first character in either case (ASCII): most characters start none.
  private final String[][] byFirstChar = new String[128][];
  private final boolean anyNonAsciiFirst;
  private final String[] all;

  MaskKeys(List<String> keys) {
    this.keys =
        keys.stream().filter(k -> !k.isEmpty()).map(k -> k.toLowerCase(Locale.ROOT)).toList();
    for (String key : this.keys) {
      char first = key.charAt(0);
      if (first < 128) {
        add(first, key);
        if (Character.toUpperCase(first) != first) {
          add(Character.toUpperCase(first), key);
        }
      }
    }
    this.anyNonAsciiFirst = this.keys.stream().anyMatch(k -> k.charAt(0) >= 128);
    this.all = this.keys.toArray(String[]::new);
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Whether the key contains a mask key, in any case. */
  boolean matches(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String maskKey : keys) {
      if (lower.contains(maskKey)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a mask key occurs, in any case, in the text between {@code from} and {@code to}. */
  boolean occurIn(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      // Non-ASCII: a letter that lower-cases to ASCII (the Kelvin sign to k) counts as that.
      char lower = c < 128 ? c : Character.toLowerCase(c);
      String[] candidates = lower < 128 ? byFirstChar[lower] : anyNonAsciiFirst ? all : null;
      if (candidates != null) {
        for (String key : candidates) {
          if (i + key.length() <= to
              && Character.toLowerCase(c) == key.charAt(0)
              && BuiltInRules.restMatchesIgnoringCase(text, i, key)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void add(char first, String key) {
    String[] known = byFirstChar[first];
    if (known == null) {
      byFirstChar[first] = new String[] {key};
    } else {
      byFirstChar[first] = Arrays.copyOf(known, known.length + 1);
      byFirstChar[first][known.length] = key;
    }
  }
}
