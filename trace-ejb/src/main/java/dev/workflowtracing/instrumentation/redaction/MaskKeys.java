package dev.workflowtracing.instrumentation.redaction;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The configured mask keys: a key that contains one, in any case, has its value masked. A mask key
 * of at most {@value #MAX_WORD_LENGTH} characters ({@code pw}, {@code pwd}, {@code pin}) is matched
 * as a whole word of the key instead ({@code user_pw}, {@code userPw}, {@code PW}, not {@code
 * upward}): as a part of any key it would mask far too much. Also finds them in text, in one pass,
 * for the prefilters.
 */
final class MaskKeys {

  /** The longest mask key matched as a whole word. */
  static final int MAX_WORD_LENGTH = 4;

  private final List<String> keys;
  private final List<String> parts;
  private final java.util.Set<String> words;
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
    this.parts = this.keys.stream().filter(k -> k.length() > MAX_WORD_LENGTH).toList();
    this.words =
        java.util.Set.copyOf(
            this.keys.stream().filter(k -> k.length() <= MAX_WORD_LENGTH).toList());
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  /** Whether the key contains a mask key, in any case (a short one as a whole word). */
  boolean matches(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String maskKey : parts) {
      if (lower.contains(maskKey)) {
        return true;
      }
    }
    return !words.isEmpty() && hasWord(key);
  }

  /**
   * Whether a word of the key is a short mask key. Words are split at every character that is not a
   * letter or digit, and where a lower-case letter or digit meets an upper-case one (camelCase).
   */
  private boolean hasWord(String key) {
    int start = 0;
    for (int i = 0; i <= key.length(); i++) {
      boolean boundary =
          i == key.length()
              || !Character.isLetterOrDigit(key.charAt(i))
              || (i > start
                  && Character.isUpperCase(key.charAt(i))
                  && !Character.isUpperCase(key.charAt(i - 1)));
      if (boundary) {
        if (i - start > 0
            && i - start <= MAX_WORD_LENGTH
            && words.contains(key.substring(start, i).toLowerCase(Locale.ROOT))) {
          return true;
        }
        start = Character.isLetterOrDigit(i < key.length() ? key.charAt(i) : ' ') ? i : i + 1;
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
