package dev.workflowtracing.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerLivenessTest {

  private static final long SECOND = 1_000_000_000L;
  private final PeerLiveness peers = new PeerLiveness(Duration.ofSeconds(30));

  @Test
  void aServerWhoseCountStopsMovingIsGoneAfterTheExpiry() {
    peers.ownRenewal(true, 0);
    assertThat(peers.gone("a", Map.of("a", 1L, "b", 7L), 0)).isEmpty();
    assertThat(peers.gone("a", Map.of("a", 2L, "b", 7L), 29 * SECOND)).isEmpty();
    assertThat(peers.gone("a", Map.of("a", 3L, "b", 7L), 30 * SECOND)).containsExactly("b");
    assertThat(peers.lastSeen("b")).isEqualTo(7);
  }

  @Test
  void aServerThatKeepsRenewingIsNeverGoneAndItsOwnLeaseIsNotJudged() {
    peers.ownRenewal(true, 0);
    for (long t = 0; t <= 120; t += 5) {
      assertThat(peers.gone("a", Map.of("a", 0L, "b", t), t * SECOND)).isEmpty();
    }
  }

  @Test
  void afterItsOwnRenewalsFailedAServerWaitsAFullExpiryBeforeJudgingOthers() {
    peers.ownRenewal(true, 0);
    peers.gone("a", Map.of("b", 7L), 0);
    // The database was down from 10 s to 40 s: nobody could renew.
    peers.ownRenewal(false, 10 * SECOND);
    peers.ownRenewal(true, 40 * SECOND);
    assertThat(peers.gone("a", Map.of("b", 7L), 40 * SECOND)).isEmpty();
    assertThat(peers.gone("a", Map.of("b", 7L), 69 * SECOND)).isEmpty();
    assertThat(peers.gone("a", Map.of("b", 7L), 70 * SECOND)).containsExactly("b");
  }

  @Test
  void aNewServerWatchesALeaseForTheWholeExpiryBeforeItCallsItGone() {
    peers.ownRenewal(true, 100 * SECOND);
    assertThat(peers.gone("a", Map.of("b", 7L), 100 * SECOND)).isEmpty();
    assertThat(peers.gone("a", Map.of("b", 7L), 129 * SECOND)).isEmpty();
    assertThat(peers.gone("a", Map.of("b", 7L), 130 * SECOND)).containsExactly("b");
    // Its lease dropped, it is forgotten.
    assertThat(peers.gone("a", Map.of(), 131 * SECOND)).isEmpty();
    assertThat(peers.lastSeen("b")).isEqualTo(-1);
  }
}
