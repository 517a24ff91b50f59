package dev.workflowtracing.tracing.redaction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules every installation gets unless turned off: e-mail, bearer token, API key, card. Each
 * has a prefilter that rules out, with one pass over the text, what its regex could not match.
 */
final class BuiltInRules {

  static final RedactionRule EMAIL =
      RedactionRule.of("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
          .onlyWhen(text -> text.indexOf('@') >= 0);

  static final RedactionRule BEARER =
      RedactionRule.of("bearer", "(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]+=*")
          .onlyWhen(text -> containsIgnoringCase(text, "bearer"));

  /** Prefixed keys (sk-..., AKIA...) and key=value assignments of anything named like a key. */
  static final RedactionRule API_KEY =
      RedactionRule.of(
              "api-key",
              "\\b(?:sk|pk|rk)[-_](?:live[-_]|test[-_])?[A-Za-z0-9]{8,}\\b|\\bAKIA[0-9A-Z]{16}\\b"
                  + "|(?i)\\b(?:api[_-]?key|apikey|access[_-]?token|client[_-]?secret|password)"
                  + "\\s*[:=]\\s*[\"']?[^\\s\"',;]{6,}")
          .onlyWhen(BuiltInRules::mayHoldKey);

  static final RedactionRule CREDIT_CARD =
      new RedactionRule(
          "credit-card",
          Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"),
          BuiltInRules::luhnValid,
          text -> hasDigitRun(text, 13));

  static final List<RedactionRule> ALL = List.of(EMAIL, BEARER, API_KEY, CREDIT_CARD);

  private BuiltInRules() {}

  /** A prefixed key ({@code sk-}, {@code pk_}, ...), an AWS key id, or a key-like assignment. */
  private static boolean mayHoldKey(String text) {
    boolean assigns = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        assigns = true;
      } else if ((c == '-' || c == '_') && i >= 2 && text.charAt(i - 1) == 'k') {
        char p = text.charAt(i - 2);
        if (p == 's' || p == 'p' || p == 'r') {
          return true;
        }
      }
    }
    // The names the regex knows (api key, access token, client secret, password): JSON and URLs
    // have ':' everywhere, and "outputTokens" is no access token.
    return text.contains("AKIA")
        || assigns
            && (containsIgnoringCase(text, "password")
                || containsIgnoringCase(text, "key") && containsIgnoringCase(text, "api")
                || containsIgnoringCase(text, "token") && containsIgnoringCase(text, "access")
                || containsIgnoringCase(text, "secret") && containsIgnoringCase(text, "client"));
  }

  /** Whether the text holds the word (ASCII letters) in any case. */
  static boolean containsIgnoringCase(String text, String word) {
    char first = word.charAt(0);
    for (int i = 0; i + word.length() <= text.length(); i++) {
      // (c | 0x20) lower-cases an ASCII letter; only the word's first letter in either case
      // gives the same result, so the full comparison runs at candidate positions only.
      if ((text.charAt(i) | 0x20) == first
          && text.regionMatches(true, i + 1, word, 1, word.length() - 1)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the text has {@code min} ASCII digits in a row, each optionally followed by one space
   * or dash: what the card regex needs. A UUID or a sentence with scattered digits has none.
   */
  static boolean hasDigitRun(String text, int min) {
    int run = 0;
    boolean afterSeparator = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (++run >= min) {
          return true;
        }
        afterSeparator = false;
      } else if ((c == ' ' || c == '-') && run > 0 && !afterSeparator) {
        afterSeparator = true;
      } else {
        run = 0;
        afterSeparator = false;
      }
    }
    return false;
  }

  /** The check digit of card numbers: tells a card from an order number or a timestamp. */
  static boolean luhnValid(String candidate) {
    String digits = candidate.replaceAll("[ -]", "");
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }
}
