package dev.workflowtracing.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NewTokenTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final AccountSettings SETTINGS =
      new AccountSettings(Duration.ofMinutes(30), Duration.ofHours(12), 366, 1000);

  @Test
  void aGoodRequestIsAToken() {
    NewToken.Checked checked =
        NewToken.check(" nightly-ci ", "runner", "2027-01-01T00:00:00Z", NOW, SETTINGS);
    assertThat(checked.errors()).isEmpty();
    assertThat(checked.token().name()).isEqualTo("nightly-ci");
    assertThat(checked.token().role()).isEqualTo(AccountRole.RUNNER);
  }

  @Test
  void everyBadFieldIsNamed() {
    assertThat(NewToken.check(null, null, null, NOW, SETTINGS).errors())
        .hasSize(3)
        .anySatisfy(e -> assertThat(e).startsWith("name:"))
        .anySatisfy(e -> assertThat(e).startsWith("role: one of viewer, runner, admin, ingest"))
        .anySatisfy(e -> assertThat(e).startsWith("expiresAt:"));
    assertThat(NewToken.check("x", "root", "2027-01-01T00:00:00Z", NOW, SETTINGS).errors())
        .containsExactly("role: one of viewer, runner, admin, ingest");
    assertThat(NewToken.check("x", "viewer", "2026-12-03T09:59:59Z", NOW, SETTINGS).errors())
        .containsExactly("expiresAt: must be in the future");
    assertThat(NewToken.check("x", "viewer", "2028-01-01T00:00:00Z", NOW, SETTINGS).errors())
        .singleElement()
        .asString()
        .contains("at most 366 days");
    assertThat(NewToken.check("x".repeat(101), "viewer", "soon", NOW, SETTINGS).errors())
        .hasSize(2);
    assertThat(NewToken.check("a\u0007b", "viewer", "2027-01-01T00:00:00Z", NOW, SETTINGS).errors())
        .containsExactly("name: no control characters");
  }

  @Test
  void rolesGrantWhatTheyActIn() {
    assertThat(AccountRole.ADMIN.grants()).containsExactlyInAnyOrder("viewer", "runner", "admin");
    assertThat(AccountRole.RUNNER.grants()).containsExactlyInAnyOrder("viewer", "runner");
    assertThat(AccountRole.INGEST.grants()).containsExactly("ingest");
  }

  @Test
  void onlyTheShapeOfOurTokensIsLookedUp() {
    String token = ApiTokens.PREFIX + Secrets.random();
    assertThat(ApiTokens.looksLikeOurs(token)).isTrue();
    assertThat(ApiTokens.looksLikeOurs(token + "x")).isFalse();
    assertThat(ApiTokens.looksLikeOurs("wt_" + "é".repeat(43))).isFalse();
    assertThat(ApiTokens.looksLikeOurs("xx_" + Secrets.random())).isFalse();
    assertThat(ApiTokens.looksLikeOurs(null)).isFalse();
  }
}
