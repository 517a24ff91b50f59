package dev.workflowtracing.workflow.live.relay;

import dev.workflowtracing.instrumentation.TracingSettings;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSDestinationDefinitions;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the relay's messages (watch requests, run updates) to the broker, in order, from an
 * executor thread: whoever hands one over (a run's thread, a stream's poll) never waits on the
 * broker. Non-persistent, a minute to live: a lost update is found as a gap by the receiver, which
 * asks again, and a lost end is read from the store. At most {@link #MAX_QUEUED} wait; beyond that
 * they are dropped and counted.
 */
@JMSDestinationDefinitions({
  @JMSDestinationDefinition(
      name = RelayDestinations.WATCHES_JNDI,
      interfaceName = "jakarta.jms.Topic",
      destinationName = RelayDestinations.WATCHES),
  @JMSDestinationDefinition(
      name = RelayDestinations.UPDATES_JNDI,
      interfaceName = "jakarta.jms.Topic",
      destinationName = RelayDestinations.UPDATES)
})
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelayOutbox {

  private static final Logger LOG = Logger.getLogger(RelayOutbox.class.getName());

  static final int MAX_QUEUED = 10_000;
  private static final long TIME_TO_LIVE_MS = 60_000;

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory factory;

  @Resource(lookup = RelayDestinations.WATCHES_JNDI)
  Topic watches;

  @Resource(lookup = RelayDestinations.UPDATES_JNDI)
  Topic updates;

  @Resource ManagedExecutorService executor;
  @Inject TracingSettings tracing;

  private final ArrayDeque<Outgoing> queued = new ArrayDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private boolean draining;

  /** One message: a watch request (body: nothing) or an update (body: its JSON). */
  record Outgoing(boolean update, String runId, String body) {}

  /** Hands a message over; false when it was dropped (the outbox is full or cannot drain). */
  public boolean offer(Outgoing message) {
    boolean start;
    synchronized (queued) {
      if (queued.size() >= MAX_QUEUED) {
        dropped.incrementAndGet();
        return false;
      }
      queued.add(message);
      start = !draining;
      draining = true;
    }
    if (start) {
      try {
        executor.execute(this::drain);
      } catch (RuntimeException e) {
        synchronized (queued) {
          draining = false;
        }
        LOG.log(Level.FINE, "The relay outbox could not start sending", e);
        return false;
      }
    }
    return true;
  }

  /** Messages dropped since the start: the outbox was full, or the broker failed them. */
  public long dropped() {
    return dropped.get();
  }

  private void drain() {
    try (JMSContext jms = factory.createContext()) {
      JMSProducer producer =
          jms.createProducer()
              .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
              .setTimeToLive(TIME_TO_LIVE_MS)
              .setDisableMessageID(true)
              .setDisableMessageTimestamp(true)
              .setProperty(RelayDestinations.FROM, tracing.instanceId());
      while (true) {
        Outgoing next;
        synchronized (queued) {
          next = queued.poll();
          if (next == null) {
            draining = false;
            return;
          }
        }
        producer
            .setProperty(RelayDestinations.RUN_ID, next.runId())
            .send(next.update() ? updates : watches, next.body());
      }
    } catch (RuntimeException e) {
      // The broker is away: what waits goes (receivers ask again, or read the store).
      int lost;
      synchronized (queued) {
        lost = queued.size() + 1;
        queued.clear();
        draining = false;
      }
      dropped.addAndGet(lost);
      LOG.log(Level.WARNING, "The relay could not send " + lost + " message(s): " + e);
    }
  }
}
