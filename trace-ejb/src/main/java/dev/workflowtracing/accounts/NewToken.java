package dev.workflowtracing.accounts;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A token an admin asks for, checked: a name of 1 to 100 printable characters, one of the roles,
 * and an expiry in the future and within {@code tracing.tokens.max-lifetime-days}.
 */
public record NewToken(String name, AccountRole role, Instant expiresAt) {

  public static final int MAX_NAME = 100;

  /** The token asked for, or what is wrong with the request (one line per field). */
  public static Checked check(
      String name, String role, String expiresAt, Instant now, AccountSettings settings) {
    List<String> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add("name: give the token a name (1 to " + MAX_NAME + " characters)");
    } else if (name.length() > MAX_NAME) {
      errors.add("name: at most " + MAX_NAME + " characters, not " + name.length());
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      errors.add("name: no control characters");
    }
    AccountRole parsedRole = role == null ? null : AccountRole.of(role).orElse(null);
    if (parsedRole == null) {
      errors.add("role: one of " + AccountRole.names());
    }
    Instant expiry = null;
    if (expiresAt == null) {
      errors.add("expiresAt: an instant such as 2027-01-31T00:00:00Z");
    } else {
      try {
        expiry = Instant.parse(expiresAt);
        if (!expiry.isAfter(now)) {
          errors.add("expiresAt: must be in the future");
        } else if (expiry.isAfter(now.plus(Duration.ofDays(settings.tokenMaxDays())))) {
          errors.add(
              "expiresAt: at most "
                  + settings.tokenMaxDays()
                  + " days ahead (tracing.tokens.max-lifetime-days)");
        }
      } catch (DateTimeParseException e) {
        errors.add("expiresAt: an instant such as 2027-01-31T00:00:00Z, not " + expiresAt);
      }
    }
    return errors.isEmpty()
        ? new Checked(new NewToken(name.strip(), parsedRole, expiry), List.of())
        : new Checked(null, List.copyOf(errors));
  }

  /** The token, or the errors when there is none. */
  public record Checked(NewToken token, List<String> errors) {}
}
