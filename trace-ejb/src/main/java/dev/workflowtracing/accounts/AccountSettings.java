package dev.workflowtracing.accounts;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;

/**
 * {@code tracing.session.*} and {@code tracing.tokens.*}: how long an idle session lives and how
 * long any session may, how far ahead a token may expire and how many may be active at once.
 */
public record AccountSettings(
    Duration sessionIdleTimeout, Duration sessionMaxAge, int tokenMaxDays, int maxActiveTokens) {

  public static AccountSettings from(Config config) {
    Duration idle = duration(config, "tracing.session.idle-timeout");
    Duration maxAge = duration(config, "tracing.session.max-age");
    if (idle.compareTo(Duration.ofSeconds(5)) < 0 || idle.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException(
          "tracing.session.idle-timeout must be between PT5S and P30D, not " + idle);
    }
    if (maxAge.compareTo(idle) < 0 || maxAge.compareTo(Duration.ofDays(90)) > 0) {
      throw new IllegalArgumentException(
          "tracing.session.max-age must be at least tracing.session.idle-timeout and at most"
              + " P90D, not "
              + maxAge);
    }
    int days = config.getValue("tracing.tokens.max-lifetime-days", Integer.class);
    if (days < 1 || days > 3650) {
      throw new IllegalArgumentException(
          "tracing.tokens.max-lifetime-days must be between 1 and 3650, not " + days);
    }
    int active = config.getValue("tracing.tokens.max-active", Integer.class);
    if (active < 1 || active > 100_000) {
      throw new IllegalArgumentException(
          "tracing.tokens.max-active must be between 1 and 100000, not " + active);
    }
    return new AccountSettings(idle, maxAge, days, active);
  }

  /** How long a session's last-seen time may lag: a session is written at most this often. */
  public Duration touchInterval() {
    Duration quarter = sessionIdleTimeout.dividedBy(4);
    return quarter.compareTo(Duration.ofMinutes(1)) < 0 ? quarter : Duration.ofMinutes(1);
  }

  private static Duration duration(Config config, String key) {
    String text = config.getValue(key, String.class);
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          key + " must be an ISO-8601 duration such as PT30M, not " + text, e);
    }
  }
}
