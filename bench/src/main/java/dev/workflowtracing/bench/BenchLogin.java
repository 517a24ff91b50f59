package dev.workflowtracing.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The benchmarks' login: BENCH_USER / BENCH_PASSWORD, by default the demo admin. */
final class BenchLogin {

  private BenchLogin() {}

  /** The Authorization header value (HTTP BASIC). */
  static String authorization() {
    String user = System.getenv().getOrDefault("BENCH_USER", "admin");
    String password = System.getenv().getOrDefault("BENCH_PASSWORD", "admin-password");
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
