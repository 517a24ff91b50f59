package dev.workflowtracing.workflow.engine.queue;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.workflow.WorkflowSettings;
import dev.workflowtracing.workflow.run.RunEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Duration;
import java.util.Enumeration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The run queue's depth as the broker holds it, whichever servers queued the runs: its messages are
 * counted with a queue browser every {@link #READ_EVERY_MILLIS} (up to the bound, so a full queue
 * costs no more than that), and the runs this server queued since the last reading are added.
 * Bounds the queue for the whole cluster ({@code workflow.queue.max-depth}) and tells its depth and
 * the oldest run's age.
 */
@ApplicationScoped
public class QueueDepth {

  private static final Logger LOG = Logger.getLogger(QueueDepth.class.getName());
  static final long READ_EVERY_MILLIS = 1000;
  static final long UNAVAILABLE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** What the broker held at the last reading; oldest is 0 when nothing waited. */
  record Reading(int count, long oldestQueuedAtMillis) {}

  @Inject WorkflowSettings settings;

  @Resource(lookup = "java:comp/DefaultJMSConnectionFactory")
  ConnectionFactory connections;

  @Resource(lookup = RunQueueDestination.JNDI)
  Queue queue;

  @Inject PeriodicTasks periodic;

  private volatile Reading reading = new Reading(0, 0);
  private final AtomicInteger queuedSinceReading = new AtomicInteger();
  private volatile ScheduledFuture<?> reader;
  private volatile boolean failing;
  private volatile long lastReadNanos = System.nanoTime(); // a grace period at the start

  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (reader != null) {
      return; // each module of the EAR announces its start
    }
    reader =
        periodic.every(
            "queue depth", Duration.ZERO, Duration.ofMillis(READ_EVERY_MILLIS), this::readQuietly);
  }

  @PreDestroy
  void stop() {
    if (reader != null) {
      reader.cancel(false);
    }
  }

  /**
   * Refuses a new run while the queue is full, or while the broker has not answered a reading for
   * {@link #UNAVAILABLE_AFTER_NANOS} (a send to a broker that is down can wait much longer than the
   * caller should); the caller answers 503.
   */
  public void checkRoom() {
    if (System.nanoTime() - lastReadNanos > UNAVAILABLE_AFTER_NANOS) {
      throw new RunQueueUnavailableException(null);
    }
    if (depth() >= settings.queueMaxDepth()) {
      throw new RunQueueFullException(settings.queueMaxDepth());
    }
  }

  /** Runs waiting on the queue, for the whole cluster (counted up to the bound). */
  public int depth() {
    return reading.count() + queuedSinceReading.get();
  }

  /** Milliseconds the oldest queued run has waited; 0 when none waits. */
  public long oldestAgeMillis(long nowMillis) {
    long oldest = reading.oldestQueuedAtMillis();
    return oldest == 0 ? 0 : Math.max(0, nowMillis - oldest);
  }

  void queued(@Observes RunEvent.RunQueued run) {
    queuedSinceReading.incrementAndGet();
  }

  private void readQuietly() {
    int queuedBefore = queuedSinceReading.get();
    try {
      reading = read(settings.queueMaxDepth());
      queuedSinceReading.addAndGet(-queuedBefore); // the reading has counted those
      lastReadNanos = System.nanoTime();
      if (failing) {
        failing = false;
        LOG.info("The run queue's messages are counted again");
      }
    } catch (JMSException | RuntimeException e) {
      // The broker is unavailable: the last reading stands, and sends fail on their own.
      if (!failing) {
        failing = true;
        LOG.warning(() -> "Could not count the run queue's messages (broker unavailable?): " + e);
      }
    }
  }

  private Reading read(int upTo) throws JMSException {
    try (JMSContext context = connections.createContext();
        QueueBrowser browser = context.createBrowser(queue)) {
      Enumeration<?> messages = browser.getEnumeration();
      int count = 0;
      long oldest = 0;
      while (count < upTo && messages.hasMoreElements()) {
        Message message = (Message) messages.nextElement();
        if (count == 0) {
          oldest = message.getJMSTimestamp();
        }
        count++;
      }
      return new Reading(count, oldest);
    }
  }
}
