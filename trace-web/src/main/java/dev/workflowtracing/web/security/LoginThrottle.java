package dev.workflowtracing.web.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per account <em>and</em> client address, and refuses that pair for a while
 * after too many. An attacker elsewhere cannot lock a user out (WildFly's own protection, which
 * locks an account whatever the address, is switched off by the server configuration: see
 * docs/security.md), and one address cannot guess one account's password at speed.
 *
 * <p>Thread-safe; bounded: the least recently failed pairs are forgotten first.
 */
public final class LoginThrottle {

  static final int MAX_TRACKED = 10_000;

  /** The servlet context attribute holding the deployment's one throttle. */
  public static final String ATTRIBUTE = LoginThrottle.class.getName();

  private final int maxFailures;
  private final long lockoutNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Failures> byKey =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  private static final class Failures {
    int count;
    long lockedUntilNanos;
  }

  public LoginThrottle(int maxFailures, Duration lockout, LongSupplier nanoClock) {
    this.maxFailures = maxFailures;
    this.lockoutNanos = lockout.toNanos();
    this.nanoClock = nanoClock;
  }

  /** How long this pair must still wait; zero when it may try. */
  public synchronized Duration waitFor(String account, String address) {
    Failures failures = byKey.get(key(account, address));
    if (failures == null || failures.lockedUntilNanos == 0) {
      return Duration.ZERO;
    }
    long left = failures.lockedUntilNanos - nanoClock.getAsLong();
    if (left <= 0) {
      // The lockout is over: one more failure locks again, as a fresh count would take too long.
      failures.lockedUntilNanos = 0;
      failures.count = maxFailures - 1;
      return Duration.ZERO;
    }
    return Duration.ofNanos(left);
  }

  /** A wait as the whole seconds of a Retry-After header, at least one. */
  public static long retryAfterSeconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** What a locked pair is told. */
  public static String lockedOut(long seconds) {
    return "Too many failed logins for this account from this address; try again in "
        + seconds
        + " s";
  }

  public synchronized void failed(String account, String address) {
    Failures failures = byKey.computeIfAbsent(key(account, address), k -> new Failures());
    if (++failures.count >= maxFailures) {
      failures.lockedUntilNanos = Math.max(1, nanoClock.getAsLong() + lockoutNanos);
    }
  }

  public synchronized void succeeded(String account, String address) {
    byKey.remove(key(account, address));
  }

  synchronized int tracked() {
    return byKey.size();
  }

  private static String key(String account, String address) {
    return account + '\n' + address;
  }
}
