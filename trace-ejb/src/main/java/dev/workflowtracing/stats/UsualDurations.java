package dev.workflowtracing.stats;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Each node's usual duration (its p95 over the window, of one workflow version), for the flag on a
 * node that runs longer than usual. Read from the rollups at most once a minute per workflow
 * version and kept per server (figures a minute old flag the same nodes; a version without enough
 * history for any node is read again after 2 s); the cache holds at most {@value #MAX_CACHED_NODES}
 * nodes' figures in all, the least recently read dropped first.
 */
@ApplicationScoped
public class UsualDurations {

  private static final Logger LOG = Logger.getLogger(UsualDurations.class.getName());

  static final long REFRESH_MILLIS = 60_000;

  /**
   * No node with enough history yet: read again soon, as the history that makes the flag possible
   * may be a few runs away (a minute of "too little history" hid a node that just got there).
   */
  static final long REFRESH_EMPTY_MILLIS = 2_000;

  static final int MAX_CACHED_NODES = 100_000;

  @EJB NodeStats stats;

  private UsualDurationSettings settings;
  private final LinkedHashMap<Key, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
  private int cachedNodes;

  @PostConstruct
  void configure() {
    settings = UsualDurationSettings.from(ConfigProvider.getConfig());
  }

  /** Made at startup, so that a bad setting stops the deployment with its key named. */
  void checkedAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
    settings();
  }

  public UsualDurationSettings settings() {
    return settings;
  }

  /** Node id to its usual p95 in ms, only for nodes with enough executions in the window. */
  public Map<String, Long> p95ByNode(String workflowId, int version) {
    long now = System.currentTimeMillis();
    Key key = new Key(workflowId, version);
    synchronized (cache) {
      Entry entry = cache.get(key);
      if (entry != null
          && now - entry.readAtMillis
              < (entry.p95ByNode.isEmpty() ? REFRESH_EMPTY_MILLIS : REFRESH_MILLIS)) {
        return entry.p95ByNode;
      }
    }
    Map<String, Long> read = read(workflowId, version, now);
    synchronized (cache) {
      Entry old = cache.put(key, new Entry(read, now));
      cachedNodes += read.size() - (old == null ? 0 : old.p95ByNode.size());
      var oldest = cache.entrySet().iterator();
      while (cachedNodes > MAX_CACHED_NODES && oldest.hasNext()) {
        cachedNodes -= oldest.next().getValue().p95ByNode.size();
        oldest.remove();
      }
    }
    return read;
  }

  /** Read from the rollups; none while they cannot be read (a run's view never fails for it). */
  private Map<String, Long> read(String workflowId, int version, long now) {
    long from = now - settings.windowDays() * 86_400_000L;
    List<NodeStatsView> nodes;
    try {
      nodes = stats.of(workflowId, Optional.of(version), from, now);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Usual node durations of {0} v{1} not read, no node flagged for a minute: {2}",
          new Object[] {workflowId, version, e.toString()});
      return Map.of();
    }
    Map<String, Long> usual = new HashMap<>();
    for (NodeStatsView node : nodes) {
      if (node.executions() >= settings.minExecutions() && node.p95Ms() != null) {
        usual.put(node.nodeId(), node.p95Ms());
      }
    }
    return Map.copyOf(usual);
  }

  private record Key(String workflowId, int version) {}

  private record Entry(Map<String, Long> p95ByNode, long readAtMillis) {}
}
