package dev.workflowtracing.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which other servers are gone, judged from their leases' counts as this server sees them over
 * time, on its own monotonic clock: a server whose count has not moved for {@code expiresAfter} is
 * gone. Only while this server's own renewals have gone through without a gap for that long: after
 * a database outage nobody could renew, and the others get the same time to show they are alive.
 * Holds one observation per lease row (a handful).
 */
final class PeerLiveness {

  private record Seen(long renewals, long sinceNanos) {}

  private final long expiresAfterNanos;
  private final Map<String, Seen> seen = new HashMap<>();
  private long renewingSinceNanos = -1;

  PeerLiveness(Duration expiresAfter) {
    this.expiresAfterNanos = expiresAfter.toNanos();
  }

  /** This server's own renewal went through (or did not). */
  synchronized void ownRenewal(boolean succeeded, long nowNanos) {
    if (!succeeded) {
      renewingSinceNanos = -1;
    } else if (renewingSinceNanos < 0) {
      renewingSinceNanos = nowNanos;
    }
  }

  /** Whether this server's own renewals have gone through long enough to judge others. */
  synchronized boolean mayJudge(long nowNanos) {
    return renewingSinceNanos >= 0 && nowNanos - renewingSinceNanos >= expiresAfterNanos;
  }

  /**
   * The servers among {@code renewals} (server to count) that are gone, apart from {@code self}.
   */
  synchronized List<String> gone(String self, Map<String, Long> renewals, long nowNanos) {
    seen.keySet().retainAll(renewals.keySet());
    List<String> gone = new ArrayList<>();
    boolean mayJudge = mayJudge(nowNanos);
    renewals.forEach(
        (server, count) -> {
          if (server.equals(self)) {
            return;
          }
          Seen before = seen.get(server);
          if (before == null || before.renewals() != count) {
            seen.put(server, new Seen(count, nowNanos));
          } else if (mayJudge && nowNanos - before.sinceNanos() >= expiresAfterNanos) {
            gone.add(server);
          }
        });
    return gone;
  }

  /** The count a server was last seen with (to drop its lease only if it is still that). */
  synchronized long lastSeen(String server) {
    Seen s = seen.get(server);
    return s == null ? -1 : s.renewals();
  }
}
