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
          text -> digits(text) >= 13);

  static final List<RedactionRule> ALL = List.of(EMAIL, BEARER, API_KEY, CREDIT_CARD);

  private BuiltInRules() {}

  /** A prefixed key ({@code sk-}, {@code pk_}, ...), an AWS key id, or an assignment. */
  private static boolean mayHoldKey(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '=' || c == ':') {
        return true;
      }
      if ((c == '-' || c == '_') && i >= 2 && text.charAt(i - 1) == 'k') {
        char p = text.charAt(i - 2);
        if (p == 's' || p == 'p' || p == 'r') {
          return true;
        }
      }
    }
    return text.contains("AKIA");
  }

  private static boolean containsIgnoringCase(String text, String word) {
    for (int i = 0; i + word.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  private static int digits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        digits++;
      }
    }
    return digits;
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
