package dev.workflowtracing.instrumentation.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.eclipse.microprofile.config.Config;

/**
 * The redaction rules from {@code tracing.redaction.*}.
 *
 * @param dropKeys attribute keys removed entirely (a trailing {@code *} matches any suffix)
 * @param maskKeys attribute keys whose value becomes {@code [REDACTED]}; matched as substrings of
 *     the key, any case (so "password" masks {@code db.password}); one of at most 4 characters as a
 *     whole word of the key ("pw" masks {@code user_pw} and {@code userPw}, not {@code upward})
 */
public record RedactionSettings(
    boolean enabled,
    List<String> dropKeys,
    List<String> maskKeys,
    List<RedactionRule> rules,
    int maxAttributeLength,
    int maxArtifactLength) {

  private static final Logger LOG = Logger.getLogger(RedactionSettings.class.getName());

  /**
   * The default {@code tracing.redaction.mask-keys} (microprofile-config.properties has the same):
   * the common names and short forms of passwords, secrets, tokens and keys. The short ones (at
   * most 4 characters) match whole words of a key only (MaskKeys).
   */
  static final List<String> DEFAULT_MASK_KEYS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "secret",
          "token",
          "api_key",
          "apikey",
          "api-key",
          "authorization",
          "cookie",
          "credential",
          "private_key",
          "privatekey",
          "private-key",
          "access_key",
          "accesskey",
          "access-key",
          "session_id",
          "sessionid",
          "session-id",
          "pw",
          "pwd",
          "pass",
          "pin",
          "otp");

  public static RedactionSettings from(Config config) {
    boolean enabled = config.getValue("tracing.redaction.enabled", Boolean.class);
    List<String> builtIns = list(config, "tracing.redaction.builtin-patterns");
    List<RedactionRule> rules = new ArrayList<>(builtInRules(builtIns));
    for (String custom : list(config, "tracing.redaction.custom-patterns")) {
      rules.add(customRule(custom));
    }
    return new RedactionSettings(
        enabled,
        list(config, "tracing.redaction.drop-keys"),
        list(config, "tracing.redaction.mask-keys").stream()
            .map(k -> k.toLowerCase(Locale.ROOT))
            .toList(),
        List.copyOf(rules),
        config.getValue("tracing.redaction.max-attribute-length", Integer.class),
        config.getValue("tracing.redaction.max-artifact-length", Integer.class));
  }

  /** Every built-in rule, the default key masks, and the given length caps. */
  public static RedactionSettings builtIns(int maxAttributeLength, int maxArtifactLength) {
    return new RedactionSettings(
        true,
        List.of("http.request.header.authorization"),
        DEFAULT_MASK_KEYS,
        BuiltInRules.ALL,
        maxAttributeLength,
        maxArtifactLength);
  }

  /**
   * The built-in rules named, in their order. A list written before a rule existed leaves it off,
   * and a misspelt name would too: both are logged, as the startup's only hint.
   */
  static List<RedactionRule> builtInRules(List<String> names) {
    List<String> known = BuiltInRules.ALL.stream().map(RedactionRule::name).toList();
    names.stream()
        .filter(name -> !known.contains(name))
        .forEach(
            name ->
                LOG.warning(
                    "tracing.redaction.builtin-patterns: no built-in pattern \""
                        + name
                        + "\"; known: "
                        + String.join(",", known)));
    List<String> off = known.stream().filter(name -> !names.contains(name)).toList();
    if (!off.isEmpty()) {
      LOG.info("Built-in redaction patterns off: " + String.join(",", off));
    }
    return BuiltInRules.ALL.stream().filter(rule -> names.contains(rule.name())).toList();
  }

  /** A custom rule is {@code name=regex}; a bad regex stops startup with a clear message. */
  static RedactionRule customRule(String definition) {
    int eq = definition.indexOf('=');
    if (eq <= 0 || eq == definition.length() - 1) {
      throw new IllegalArgumentException(
          "tracing.redaction.custom-patterns entry \"" + definition + "\" must be name=regex");
    }
    try {
      return new RedactionRule(
          definition.substring(0, eq).trim(),
          Pattern.compile(definition.substring(eq + 1)),
          match -> true,
          text -> true);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "tracing.redaction.custom-patterns entry \""
              + definition
              + "\" is not a valid regex: "
              + e.getDescription(),
          e);
    }
  }

  private static List<String> list(Config config, String key) {
    Optional<String[]> values = config.getOptionalValue(key, String[].class);
    return values
        .map(v -> Arrays.stream(v).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
