package dev.workflowtracing.web.runs;

import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.workflow.engine.RunStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The event streams of runs that another server executes (or that nobody holds in memory): each is
 * kept open and follows the run's stored status, one poll of the database every {@link #POLL_MS}
 * for all of them, sending {@code RunStatus} when it changes and {@code RunEnded} once it is final.
 * So a stream read through any server ends with the run's end. Node-by-node events come only from
 * the server that executes the run. At most {@link #MAX_FOLLOWED} streams per server; beyond that a
 * stream gets the status and a hint to reconnect, as a client too many.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoredRunFollowers {

  private static final Logger LOG = Logger.getLogger(StoredRunFollowers.class.getName());

  static final int MAX_FOLLOWED = 1_000;
  static final long POLL_MS = 500;

  @EJB TraceReader reader;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = EventStreamExecutor.NAME)
  ExecutorService writers;

  private final List<Follower> followers = new ArrayList<>();
  private ScheduledFuture<?> poll;

  /** One stream: the status it last sent, and its writes in order. */
  private static final class Follower {
    final String runId;
    final SseEventSink sink;
    final Sse sse;
    String sentStatus;
    CompletionStage<?> writes = CompletableFuture.completedFuture(null);

    Follower(String runId, SseEventSink sink, Sse sse) {
      this.runId = runId;
      this.sink = sink;
      this.sse = sse;
    }
  }

  @PostConstruct
  void start() {
    poll = scheduler.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (poll != null) {
      poll.cancel(false);
    }
    synchronized (followers) {
      followers.forEach(f -> f.sink.close());
      followers.clear();
    }
  }

  /**
   * Answers a stream of a run this server does not hold from its stored state: its end when it has
   * ended, otherwise its status now and the changes that follow.
   */
  public void answer(RunView run, SseEventSink sink, Sse sse) {
    Follower follower = new Follower(run.runId(), sink, sse);
    boolean follow;
    synchronized (followers) {
      follow = !isFinal(run) && followers.size() < MAX_FOLLOWED;
      if (follow) {
        followers.add(follower);
      }
    }
    if (!follow && !isFinal(run)) {
      send(follower, statusWithReconnectHint(sse, run));
      close(follower);
      return;
    }
    update(follower, run);
  }

  private void poll() {
    List<Follower> now;
    synchronized (followers) {
      followers.removeIf(f -> f.sink.isClosed());
      now = List.copyOf(followers);
    }
    for (Follower follower : now) {
      try {
        Optional<RunView> run = reader.run(follower.runId);
        if (run.isEmpty()) {
          close(follower); // deleted meanwhile
        } else {
          update(follower, run.get());
        }
      } catch (RuntimeException e) {
        // The database may be down: the stream stays open and is updated once it is back.
        LOG.fine(() -> "Could not read run " + follower.runId + " for its stream: " + e);
      }
    }
  }

  private void update(Follower follower, RunView run) {
    if (isFinal(run)) {
      send(follower, ended(follower.sse, run));
      close(follower);
    } else if (!run.status().equals(follower.sentStatus)) {
      follower.sentStatus = run.status();
      send(
          follower,
          RunEventJson.event(
              follower.sse,
              null,
              RunEventJson.STATUS,
              RunEventJson.status(run.runId(), run.status())));
    }
  }

  private void send(Follower follower, OutboundSseEvent event) {
    follower.writes =
        follower
            .writes
            .handle((ok, failure) -> null)
            .thenComposeAsync(x -> follower.sink.send(event), writers);
  }

  private void close(Follower follower) {
    synchronized (followers) {
      followers.remove(follower);
    }
    follower.writes.whenComplete((ok, failure) -> follower.sink.close());
  }

  private static boolean isFinal(RunView run) {
    return RunStatus.valueOf(run.status()).isFinal();
  }

  static OutboundSseEvent statusWithReconnectHint(Sse sse, RunView run) {
    return sse.newEventBuilder()
        .name(RunEventJson.STATUS)
        .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
        .reconnectDelay(RunResource.RECONNECT_MS)
        .data(RunEventJson.status(run.runId(), run.status()))
        .build();
  }

  static OutboundSseEvent ended(Sse sse, RunView run) {
    long started = Instant.parse(run.startedAt()).toEpochMilli();
    long ended = started + (run.durationMs() == null ? 0 : run.durationMs());
    return RunEventJson.event(
        sse, null, "RunEnded", RunEventJson.ended(run.runId(), run.status(), ended, run.error()));
  }
}
