package dev.workflowtracing.instrumentation.redaction;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules every installation gets unless turned off: e-mail, bearer token, private key, JWT, the
 * key formats of common providers, generic API keys and cards. Each has a prefilter that rules out,
 * with one cheap pass over the text, what its regex could not match.
 */
final class BuiltInRules {

  // Where a token may start: not inside a word, but right after a \n, \r or \t escape (a token
  // on its own line of a JSON string, seen as text).
  private static final String START = "(?:(?<![A-Za-z0-9])|(?<=\\\\[nrt]))";

  /**
   * PEM blocks, line breaks real or escaped, up to the END line; without one, the base64 body. The
   * body stops at the first character no PEM has, and is possessive: text full of BEGIN lines costs
   * one pass.
   */
  static final RedactionRule PRIVATE_KEY =
      RedactionRule.of(
              "private-key",
              "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                  + "(?:[A-Za-z0-9+/=\\s\\\\:,.()]|-(?!----END))*+"
                  + "(?:-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----)?")
          .onlyWhen(text -> text.contains("PRIVATE KEY"));

  // Only from the start of a run of address characters: a long run without @ costs one pass.
  static final RedactionRule EMAIL =
      RedactionRule.of(
              "email", "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
          .onlyWhen(text -> text.indexOf('@') >= 0);

  static final RedactionRule BEARER =
      RedactionRule.of("bearer", "(?i)\\bbearer\\s+[A-Za-z0-9\\-._~+/]+=*")
          .onlyWhen(text -> containsIgnoringCase(text, "bearer"));

  /**
   * Header and payload are base64url JSON, so the header starts with eyJ ({"). Only from the start
   * of a base64url run, and possessive: "eyJ-eyJ-..." costs one pass.
   */
  static final RedactionRule JWT =
      RedactionRule.of(
              "jwt",
              "(?:(?<![A-Za-z0-9_-])|(?<=\\\\[nrt]))"
                  + "eyJ[A-Za-z0-9_-]{10,}+\\.[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]*+")
          .onlyWhen(text -> text.contains("eyJ"));

  /**
   * Project, service-account and admin keys, and the older user keys (which hold "T3BlbkFJ", base64
   * of "OpenAI").
   */
  static final RedactionRule OPENAI_KEY =
      RedactionRule.of(
              "openai-key",
              START
                  + "sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{16,}"
                  + "|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})")
          .onlyWhen(text -> text.contains("sk-"));

  /** sk-ant-api03-..., and the same shape for admin and OAuth keys. */
  static final RedactionRule ANTHROPIC_KEY =
      RedactionRule.of("anthropic-key", START + "sk-ant-[a-z]{3,6}\\d{2}-[A-Za-z0-9_-]{20,}")
          .onlyWhen(text -> text.contains("sk-ant-"));

  /** Long-term (AKIA) and temporary (ASIA) access key ids. */
  static final RedactionRule AWS_ACCESS_KEY =
      RedactionRule.of("aws-access-key", START + "A(?:KI|SI)A[0-9A-Z]{16}(?![0-9A-Za-z])")
          .onlyWhen(text -> text.contains("AKIA") || text.contains("ASIA"));

  /** Classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_) tokens. */
  static final RedactionRule GITHUB_TOKEN =
      RedactionRule.of(
              "github-token", START + "(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")
          .onlyWhen(
              text -> hasPrefixBefore(text, '_', "ghp", "gho", "ghu", "ghs", "ghr", "github_pat"));

  /** Bot, user, app-level and legacy tokens. */
  static final RedactionRule SLACK_TOKEN =
      RedactionRule.of(
              "slack-token", START + "(?:xox[bpars]-[A-Za-z0-9-]{10,}|xapp-\\d-[A-Za-z0-9-]{10,})")
          .onlyWhen(
              text -> hasPrefixBefore(text, '-', "xoxb", "xoxp", "xoxa", "xoxr", "xoxs", "xapp"));

  /**
   * Other prefixed keys (sk-..., pk_live_..., sk-or-v1-...) and key=value assignments of anything
   * named like a key.
   */
  static final RedactionRule API_KEY =
      RedactionRule.of(
              "api-key",
              START
                  + "(?:sk|pk|rk)[-_](?:[A-Za-z0-9]{1,12}[-_]){0,3}[A-Za-z0-9]{8,}[A-Za-z0-9_-]*"
                  + "|(?i)\\b(?:api[_-]?key|apikey|access[_-]?token|client[_-]?secret|password)"
                  + "\\s*[:=]\\s*[\"']?(?!\\[REDACTED)[^\\s\"',;&]{6,}")
          .onlyWhen(BuiltInRules::mayHoldKey);

  /**
   * A password given in prose: "password is hunter2", "the pw was Sup3r!", "password Sup3r…". The
   * words stay and the value is masked. After "is"/"was" any word of 4 characters or more is taken
   * for the password; right after the word itself only a token of 6 or more that holds a digit or a
   * symbol is ("password reset" and "password field" stay). "password: x" and "password=x" are the
   * key/value masking's. What it cannot catch is listed in docs/security.md.
   */
  static final RedactionRule PASSWORD_IN_PROSE =
      RedactionRule.of(
              "password",
              "(?i)(?<=\\b(?:password|passwd|passphrase|pwd|pw)\\s{1,3}(?:is|was)\\s{1,3})"
                  + "(?!\\[REDACTED)[^\\s\"',;]{4,}"
                  + "|(?<=\\b(?:password|passwd|passphrase|pwd|pw)\\s{1,3})(?!\\[REDACTED)"
                  + "(?=[^\\s\"',;]*[0-9!@#$%^&*?+~])[^\\s\"',;]{6,}")
          .onlyWhen(text -> containsIgnoringCase(text, "pass") || containsIgnoringCase(text, "pw"));

  /**
   * Card numbers as they are written: 13 to 19 digits in one run, in groups of four with one kind
   * of separator, or grouped 4-6-5 / 4-6-4 (Amex, Diners); never inside a longer token of letters,
   * digits and dashes, so an id such as a UUID whose first groups are digits is not a card.
   */
  static final RedactionRule CREDIT_CARD =
      new RedactionRule(
          "credit-card",
          Pattern.compile(
              "(?<![\\w-])(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7}"
                  + "|\\d{4}([ -])\\d{6}\\2\\d{4,5})(?!-?\\w)"),
          BuiltInRules::luhnValid,
          text -> hasDigitRun(text, 13));

  /**
   * In the order they apply: whole blocks and tokens with a known shape before the generic api-key
   * rule, so a marker names the most specific rule.
   */
  static final List<RedactionRule> ALL =
      List.of(
          PRIVATE_KEY,
          EMAIL,
          BEARER,
          JWT,
          OPENAI_KEY,
          ANTHROPIC_KEY,
          AWS_ACCESS_KEY,
          GITHUB_TOKEN,
          SLACK_TOKEN,
          PASSWORD_IN_PROSE,
          API_KEY,
          CREDIT_CARD);

  private BuiltInRules() {}

  /**
   * Whether one of the prefixes ends right before a {@code separator}: a pass of indexOf over the
   * text, then a comparison at each separator.
   */
  static boolean hasPrefixBefore(String text, char separator, String... prefixes) {
    for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
      for (String prefix : prefixes) {
        if (text.startsWith(prefix, i - prefix.length())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A prefixed key ({@code sk-}, {@code pk_}, ...) or a key-like assignment. */
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
    return assigns
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
      if ((text.charAt(i) | 0x20) == first && restMatchesIgnoringCase(text, i, word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the text at {@code at} continues as the lower-case word does after its first character,
   * in any case. A loop, as String.regionMatches(true, ...) costs several times more per call, and
   * prefilters call this at every candidate position.
   */
  static boolean restMatchesIgnoringCase(String text, int at, String word) {
    if (at + word.length() > text.length()) {
      return false;
    }
    for (int j = 1; j < word.length(); j++) {
      char c = text.charAt(at + j);
      char w = word.charAt(j);
      if (c != w && Character.toLowerCase(c) != w) {
        return false;
      }
    }
    return true;
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
