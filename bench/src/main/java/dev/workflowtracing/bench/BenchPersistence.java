package dev.workflowtracing.bench;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.Map;

/** The application's entities on a benchmark's database, outside the container. */
final class BenchPersistence {

  private BenchPersistence() {}

  static EntityManagerFactory open(String url, String user, String password) {
    return Persistence.createEntityManagerFactory(
        "bench",
        Map.of(
            "jakarta.persistence.jdbc.url", url,
            "jakarta.persistence.jdbc.user", user,
            "jakarta.persistence.jdbc.password", password));
  }
}
