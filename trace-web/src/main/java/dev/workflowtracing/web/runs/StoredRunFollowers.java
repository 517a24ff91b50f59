package dev.workflowtracing.web.runs;

import dev.workflowtracing.concurrent.PeriodicTasks;
import dev.workflowtracing.instrumentation.TracingSettings;
import dev.workflowtracing.tracestore.read.RunView;
import dev.workflowtracing.tracestore.read.TraceReader;
import dev.workflowtracing.workflow.live.LiveStreamCounters;
import dev.workflowtracing.workflow.live.RunsInFlight;
import dev.workflowtracing.workflow.live.relay.RemoteRunWatches;
import dev.workflowtracing.workflow.run.RunEvent;
import dev.workflowtracing.workflow.run.RunStatus;
import dev.workflowtracing.workflow.run.RunUsage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Logger;

/**
 * The event streams of runs whose events this server does not have: queued (any server may take
 * them), executed by another server, or ended before this server's memory of them. Each is kept
 * open and follows the run's stored status, one poll every {@link #POLL_MS} for all of them,
 * sending {@code RunStatus} when it changes and {@code RunEnded} once it is final; a run that
 * starts on this server meanwhile is handed to its live events ({@link SseRelay}). So a stream read
 * through any server ends with the run's end. Node-by-node events come only from the server that
 * executes the run. At most {@link #MAX_FOLLOWED} streams per server; beyond that a stream gets the
 * status and a hint to reconnect, as a client too many.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoredRunFollowers {

  private static final Logger LOG = Logger.getLogger(StoredRunFollowers.class.getName());

  static final int MAX_FOLLOWED = 1_000;
  static final long POLL_MS = 500;

  @EJB TraceReader reader;
  @Inject RunsInFlight inFlight;
  @Inject LiveStreamCounters counters;
  @Inject TracingSettings tracing;
  @Inject RemoteRunWatches remote;

  /** How long a run followed from another server may be silent before its stored status is read. */
  static final long REMOTE_SILENCE_MS = 3_000;

  @Inject PeriodicTasks periodic;

  @Resource(lookup = EventStreamExecutor.NAME)
  ExecutorService writers;

  private final List<Follower> followers = new ArrayList<>();
  private final List<Guard> guards = new ArrayList<>();

  /** A stream watching a run only queued here, until the run starts here or elsewhere. */
  private record Guard(Follower follower, Runnable stopWatching) {}

  private ScheduledFuture<?> poll;

  /** One stream: the status it last sent, and its writes in order. */
  private static final class Follower {
    final String runId;
    final SseEventSink sink;
    final Sse sse;
    final long after;
    String sentStatus;
    CompletionStage<?> writes = CompletableFuture.completedFuture(null);

    Follower(String runId, long after, SseEventSink sink, Sse sse) {
      this.runId = runId;
      this.after = after;
      this.sink = sink;
      this.sse = sse;
    }
  }

  @PostConstruct
  void start() {
    poll = periodic.every("stored run followers", Duration.ofMillis(POLL_MS), this::poll);
  }

  @PreDestroy
  void stop() {
    if (poll != null) {
      poll.cancel(false);
    }
    synchronized (followers) {
      followers.forEach(f -> f.sink.close());
      followers.clear();
      guards.clear();
    }
  }

  /**
   * Answers a stream of a run whose events this server does not have, from its stored state ({@code
   * stored}, empty while its row is still being written): its end when it has ended, otherwise its
   * status now and the changes that follow.
   *
   * @param after the client's Last-Event-ID, for a hand-over to the run's live events
   */
  public void answer(
      String runId, Optional<RunView> stored, long after, SseEventSink sink, Sse sse) {
    Follower follower = new Follower(runId, after, sink, sse);
    boolean ended = stored.map(StoredRunFollowers::isFinal).orElse(false);
    boolean follow;
    synchronized (followers) {
      follow = !ended && followers.size() < MAX_FOLLOWED;
      if (follow) {
        followers.add(follower);
      }
    }
    String status = stored.map(RunView::status).orElse(RunStatus.QUEUED.name());
    if (follow) {
      remote.want(runId);
    }
    if (!follow && !ended) {
      send(follower, statusWithReconnectHint(sse, runId, status));
      close(follower);
    } else if (ended) {
      update(follower, stored.get());
    } else {
      sendStatus(follower, runId, status);
    }
  }

  /**
   * Keeps an eye on a stream that watches a run only queued on this server: once the run's stored
   * status says it started (on another server, since this one has no events of it), the stream
   * stops watching here and follows the stored status instead.
   */
  public void guard(String runId, long after, Runnable stopWatching, SseEventSink sink, Sse sse) {
    synchronized (followers) {
      if (guards.size() < MAX_FOLLOWED) {
        guards.add(new Guard(new Follower(runId, after, sink, sse), stopWatching));
      }
    }
  }

  private void checkGuards() {
    List<Guard> now;
    synchronized (followers) {
      guards.removeIf(
          g -> g.follower().sink.isClosed() || inFlight.hasEventsOf(g.follower().runId));
      now = List.copyOf(guards);
    }
    for (Guard guard : now) {
      try {
        Optional<RunView> run = reader.run(guard.follower().runId);
        // Started elsewhere: a run this server starts is recorded RUNNING a moment before its
        // live state has the start, so the executing server's name tells them apart.
        if (run.isPresent()
            && !RunStatus.QUEUED.name().equals(run.get().status())
            && !tracing.instanceId().equals(run.get().executedBy())
            && !inFlight.hasEventsOf(guard.follower().runId)) {
          guard.stopWatching().run();
          synchronized (followers) {
            guards.remove(guard);
            followers.add(guard.follower());
          }
          // Now, not at the next poll: a short run would be nearly over before its events came.
          remote.want(guard.follower().runId);
          update(guard.follower(), run.get());
        }
      } catch (RuntimeException e) {
        LOG.fine(() -> "Could not read run " + guard.follower().runId + " for its stream: " + e);
      }
    }
  }

  private void poll() {
    checkGuards();
    List<Follower> now;
    synchronized (followers) {
      followers.removeIf(f -> f.sink.isClosed());
      now = List.copyOf(followers);
    }
    for (Follower follower : now) {
      if (inFlight.hasEventsOf(follower.runId)) {
        handOver(follower);
        continue;
      }
      remote.want(follower.runId);
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
    endRemoteRunsEndedInTheStore();
  }

  // A run followed from the server executing it, silent for a while: if the store says it has
  // ended (its server stopped before the end was relayed), its streams end with the stored end.
  private void endRemoteRunsEndedInTheStore() {
    long silentSince = System.currentTimeMillis() - REMOTE_SILENCE_MS;
    inFlight
        .remoteRunsGoingOn()
        .forEach(
            (runId, lastUpdate) -> {
              if (lastUpdate > silentSince) {
                return;
              }
              try {
                reader
                    .run(runId)
                    .filter(StoredRunFollowers::isFinal)
                    .ifPresent(run -> inFlight.endRemote(storedEnd(run)));
              } catch (RuntimeException e) {
                LOG.fine(() -> "Could not read run " + runId + " for its stream: " + e);
              }
            });
  }

  private static RunEvent.RunEnded storedEnd(RunView run) {
    return new RunEvent.RunEnded(
        run.runId(),
        RunStatus.valueOf(run.status()),
        endedAtMillis(run),
        run.outputs() == null ? "{}" : run.outputs().toString(),
        run.error(),
        run.expectedSpanCount() == null ? 0 : run.expectedSpanCount(),
        run.usage() == null
            ? RunUsage.NONE
            : new RunUsage(
                run.usage().inputTokens(),
                run.usage().outputTokens(),
                run.usage().costNanos(),
                run.usage().failedAttemptTokens(),
                Math.round(run.usage().failedAttemptCost() * 1e9)));
  }

  // The run started here: its stream goes on with the run's own events, from the client's
  // Last-Event-ID (a snapshot when that is far back), once what was sent so far is written.
  private void handOver(Follower follower) {
    synchronized (followers) {
      followers.remove(follower);
    }
    follower.writes.whenComplete(
        (ok, failure) -> {
          SseRelay relay =
              new SseRelay(
                  follower.runId, inFlight, follower.sink, follower.sse, writers, counters);
          if (inFlight.watch(follower.runId, follower.after, relay).isEmpty()) {
            synchronized (followers) {
              followers.add(follower); // forgotten meanwhile: follow its stored status again
            }
          }
        });
  }

  private void update(Follower follower, RunView run) {
    if (isFinal(run)) {
      send(follower, ended(follower.sse, run));
      close(follower);
    } else {
      sendStatus(follower, run.runId(), run.status());
    }
  }

  private void sendStatus(Follower follower, String runId, String status) {
    if (!status.equals(follower.sentStatus)) {
      follower.sentStatus = status;
      send(
          follower,
          RunEventJson.event(
              follower.sse, null, RunEventJson.STATUS, RunEventJson.status(runId, status)));
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

  static OutboundSseEvent statusWithReconnectHint(Sse sse, String runId, String status) {
    return sse.newEventBuilder()
        .name(RunEventJson.STATUS)
        .mediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
        .reconnectDelay(RunResource.RECONNECT_MS)
        .data(RunEventJson.status(runId, status))
        .build();
  }

  static OutboundSseEvent ended(Sse sse, RunView run) {
    return RunEventJson.event(
        sse,
        null,
        "RunEnded",
        RunEventJson.ended(run.runId(), run.status(), endedAtMillis(run), run.error()));
  }

  private static long endedAtMillis(RunView run) {
    long started = Instant.parse(run.startedAt()).toEpochMilli();
    return started + (run.durationMs() == null ? 0 : run.durationMs());
  }
}
