package dev.workflowtracing.cluster;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.instrumentation.TracingSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * This server's lease, and the judgement of the others'. At startup it takes the lease for its
 * identity ({@code service.instance.id}): when that lease is still being renewed, another server
 * runs with the same identity and this one refuses to start; when it was renewed lately but stops
 * moving, it was this server's own earlier start (killed), and it is taken over. Then the runs this
 * server left RUNNING end ABORTED. Every {@link #RENEW_EVERY} it renews its lease and ends the runs
 * of servers whose leases stopped moving for {@link #EXPIRES_AFTER} ({@link PeerLiveness}): a
 * killed server's runs end within about 40 s. A graceful stop releases the lease.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "LeaseStore", "PeriodicTasks"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ServerLeases {

  private static final Logger LOG = Logger.getLogger(ServerLeases.class.getName());

  static final Duration RENEW_EVERY = Duration.ofSeconds(5);
  static final Duration EXPIRES_AFTER = Duration.ofSeconds(30);
  // A lease renewed this lately may belong to a server that is running: watch it this long.
  private static final Duration WATCH_BEFORE_TAKING = RENEW_EVERY.multipliedBy(2).plusSeconds(1);

  @EJB LeaseStore leases;
  @EJB RunRecovery recovery;
  @Inject TracingSettings settings;
  @Inject PeriodicTasks periodic;

  private final String incarnation = UUID.randomUUID().toString();
  private final PeerLiveness peers = new PeerLiveness(EXPIRES_AFTER);
  private volatile ScheduledFuture<?> renewal;

  @PostConstruct
  void start() {
    String self = settings.instanceId();
    refuseIfHeldByARunningServer(self);
    leases.take(self, incarnation, System.currentTimeMillis());
    peers.ownRenewal(true, System.nanoTime());
    LOG.info(() -> "Server " + self + " holds its lease; other servers' are watched");
    recovery.abortLeftBy(self, ManagementFactory.getRuntimeMXBean().getStartTime());
    long every = RENEW_EVERY.toMillis();
    renewal = periodic.every("server lease", Duration.ofMillis(every), this::renewAndWatch);
  }

  @PreDestroy
  void stop() {
    if (renewal != null) {
      renewal.cancel(false);
    }
    try {
      leases.release(settings.instanceId(), incarnation);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Could not release this server's lease (it expires by itself): " + e);
    }
  }

  private void refuseIfHeldByARunningServer(String self) {
    Optional<ServerLeaseRecord> held = leases.find(self);
    if (held.isEmpty()
        || System.currentTimeMillis() - held.get().renewedAt() > EXPIRES_AFTER.toMillis()) {
      return;
    }
    LOG.info(
        () ->
            "The lease of "
                + self
                + " was renewed lately: watching it for "
                + WATCH_BEFORE_TAKING.toSeconds()
                + " s (an earlier start of this server that was killed, or another server with"
                + " the same identity)");
    try {
      Thread.sleep(WATCH_BEFORE_TAKING.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Optional<ServerLeaseRecord> now = leases.find(self);
    if (now.isPresent() && now.get().renewals() != held.get().renewals()) {
      throw new DuplicateServerIdentityException(self);
    }
  }

  private void renewAndWatch() {
    String self = settings.instanceId();
    try {
      boolean held = leases.renew(self, incarnation, System.currentTimeMillis());
      if (!held) {
        LOG.severe(
            () ->
                "This server's lease was dropped by another server (this one looked gone, for"
                    + " at least "
                    + EXPIRES_AFTER.toSeconds()
                    + " s): its runs were ended ABORTED there. Taking the lease again");
        leases.take(self, incarnation, System.currentTimeMillis());
      }
      peers.ownRenewal(true, System.nanoTime());
      for (String gone : peers.gone(self, leases.renewals(), System.nanoTime())) {
        long lastSeen = peers.lastSeen(gone);
        recovery.abortRunsOf(gone);
        if (leases.dropIfStill(gone, lastSeen)) {
          LOG.warning(() -> "Server " + gone + " stopped renewing its lease: it is gone");
        }
      }
      if (peers.mayJudge(System.nanoTime())) {
        // A server that stopped gracefully released its lease; a run it was still executing
        // (started a full expiry ago, so not one of a server taking its lease right now) ends here.
        long before = System.currentTimeMillis() - EXPIRES_AFTER.toMillis();
        for (String stopped : leases.serversRunningWithoutLease(before)) {
          if (!stopped.equals(self)) {
            recovery.abortRunsOf(stopped);
          }
        }
      }
    } catch (RuntimeException e) {
      peers.ownRenewal(false, System.nanoTime());
      LOG.warning(() -> "Could not renew this server's lease (database unavailable?): " + e);
    }
  }
}
