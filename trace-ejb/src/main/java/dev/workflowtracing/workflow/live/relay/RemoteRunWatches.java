package dev.workflowtracing.workflow.live.relay;

import dev.workflowtracing.workflow.live.LiveUpdate;
import dev.workflowtracing.workflow.live.RunsInFlight;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * On a server that has a stream of a run it does not execute: asks whichever server executes it for
 * its updates (at most every {@link #ASK_EVERY_MS} per run: until the first comes, after a gap) and
 * takes the ones it asked for into {@link RunsInFlight}, whose watchers (the streams) then get them
 * as if the run executed here. At most {@link #MAX_WANTED} runs at once, the oldest asked forgotten
 * first.
 */
@ApplicationScoped
public class RemoteRunWatches {

  static final int MAX_WANTED = 1_000;
  static final long ASK_EVERY_MS = 2_000;

  @Inject RunsInFlight inFlight;
  @EJB RelayOutbox outbox;

  // Run id -> when it was last asked for (epoch ms).
  private final Map<String, Long> wanted =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > MAX_WANTED;
        }
      };

  /** Asks for the run's updates, unless this server executes it or asked a moment ago. */
  public void want(String runId) {
    if (inFlight.executedHere(runId)) {
      return;
    }
    long now = System.currentTimeMillis();
    synchronized (wanted) {
      Long asked = wanted.get(runId);
      if (asked != null && now - asked < ASK_EVERY_MS) {
        return;
      }
      wanted.put(runId, now);
    }
    outbox.offer(new RelayOutbox.Outgoing(false, runId, runId));
  }

  /** An update published by the server executing the run. */
  void received(String runId, LiveUpdate update) {
    synchronized (wanted) {
      if (!wanted.containsKey(runId)) {
        return; // another server's watch
      }
    }
    RunsInFlight.Received received = inFlight.receiveRemote(runId, update);
    if (received == RunsInFlight.Received.GAP) {
      want(runId);
    } else if (received == RunsInFlight.Received.APPLIED && update.endsRun()) {
      synchronized (wanted) {
        wanted.remove(runId);
      }
    }
  }
}
