package dev.workflowtracing.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The roles an account can act in, and what each grants: a runner also reads, an admin also runs.
 * {@code ingest} only sends spans to the OTLP receiver; it reads nothing.
 */
public enum AccountRole {
  VIEWER("viewer"),
  RUNNER("runner", "viewer"),
  ADMIN("admin", "runner", "viewer"),
  INGEST("ingest");

  private final String id;
  private final List<String> grants;

  AccountRole(String id, String... alsoGrants) {
    this.id = id;
    this.grants =
        java.util.stream.Stream.concat(
                Arrays.stream(alsoGrants).sorted(), java.util.stream.Stream.of(id))
            .toList();
  }

  public String id() {
    return id;
  }

  /** The container roles an identity in this role holds. */
  public List<String> grants() {
    return grants;
  }

  public static Optional<AccountRole> of(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }

  /** The role names, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(AccountRole::id).toList());
  }
}
