package dev.workflowtracing.workflow.live.relay;

import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunsInFlight;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * On the server executing a run that another server watches: publishes the run's updates with this
 * server's numbers, a snapshot first and then every event to the end. One publication per run,
 * however many servers watch it; a watcher that asks while it goes on gets a snapshot of its own
 * (the others already have everything up to it and ignore it).
 */
@ApplicationScoped
public class LivePublisher {

  @Inject RunsInFlight inFlight;
  @EJB RelayOutbox outbox;

  // Not guarded by a lock of its own: it is changed under a run's lock (at the run's end).
  private final Set<String> publishing = ConcurrentHashMap.newKeySet();

  /** Publishes the run's updates, if this server executes (or executed) it. */
  void publish(String runId) {
    if (!inFlight.executedHere(runId)) {
      return;
    }
    if (publishing.add(runId)) {
      boolean watching =
          inFlight
              .watch(
                  runId,
                  RunsInFlight.SNAPSHOT_FIRST,
                  update -> {
                    send(runId, update);
                    if (update.endsRun()) {
                      publishing.remove(runId);
                      return false;
                    }
                    return true;
                  })
              .isPresent();
      if (!watching) {
        publishing.remove(runId);
      }
    } else {
      // The snapshot alone, sent under the run's lock: nothing of the run is sent between.
      inFlight.watch(
          runId,
          RunsInFlight.SNAPSHOT_FIRST,
          update -> {
            send(runId, update);
            return false;
          });
    }
  }

  private void send(String runId, LiveUpdate update) {
    outbox.offer(new RelayOutbox.Outgoing(true, runId, LiveUpdateCodec.encode(update)));
  }
}
