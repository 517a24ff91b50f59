package dev.workflowtracing.instrumentation.redaction;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One pattern of sensitive text, replaced by {@code [REDACTED:name]}. A rule may also check each
 * match (the credit-card rule keeps only numbers that pass the Luhn check), and may say cheaply
 * that a text cannot match ({@code mayMatch}): every attribute value and artifact of every span
 * goes through every rule, and most contain nothing a rule looks for.
 */
public record RedactionRule(
    String name, Pattern pattern, Predicate<String> confirms, Predicate<String> mayMatch) {

  public static RedactionRule of(String name, String regex) {
    return new RedactionRule(name, Pattern.compile(regex), match -> true, text -> true);
  }

  /** This rule, skipped for texts that {@code mayMatch} rules out. */
  RedactionRule onlyWhen(Predicate<String> mayMatch) {
    return new RedactionRule(name, pattern, confirms, mayMatch);
  }

  public String marker() {
    return "[REDACTED:" + name + "]";
  }

  String apply(String text) {
    if (!mayMatch.test(text)) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String replacement = confirms.test(matcher.group()) ? marker() : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    } while (matcher.find());
    matcher.appendTail(out);
    return out.toString();
  }
}
