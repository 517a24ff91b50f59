package dev.workflowtracing.tracestore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finished traces, rendered once: a finished trace never changes, so repeated reads (a second view,
 * several people opening a trace from an alert) cost a map lookup instead of reading and
 * serialising thousands of spans. Each representation of a trace (one JSON document, JSON lines) is
 * kept apart, and only once asked for. Least recently used first out, bounded by bytes; a deleted
 * or purged trace is evicted in every representation ({@link TracePurge}).
 */
@ApplicationScoped
public class TraceCache {

  static final long MAX_BYTES = 64L * 1024 * 1024;

  private final Map<Key, RenderedTrace> traces = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** One trace in one representation, named by its media type. */
  private record Key(String traceId, String mediaType) {}

  public synchronized Optional<RenderedTrace> get(String traceId, String mediaType) {
    RenderedTrace trace = traces.get(new Key(traceId, mediaType));
    (trace == null ? misses : hits).incrementAndGet();
    return Optional.ofNullable(trace);
  }

  /** Keeps a finished trace; one larger than a quarter of the cache is not kept. */
  public synchronized void keep(String traceId, String mediaType, RenderedTrace trace) {
    if (!trace.finished() || trace.size() > MAX_BYTES / 4) {
      return;
    }
    RenderedTrace previous = traces.put(new Key(traceId, mediaType), trace);
    bytes += trace.size() - (previous == null ? 0 : previous.size());
    var eldest = traces.entrySet().iterator();
    while (bytes > MAX_BYTES && eldest.hasNext()) {
      bytes -= eldest.next().getValue().size();
      eldest.remove();
    }
  }

  public synchronized void evict(Collection<String> traceIds) {
    Set<String> gone = new HashSet<>(traceIds);
    var entries = traces.entrySet().iterator();
    while (entries.hasNext()) {
      var entry = entries.next();
      if (gone.contains(entry.getKey().traceId())) {
        bytes -= entry.getValue().size();
        entries.remove();
      }
    }
  }

  /**
   * Evicts these traces again once the caller's transaction has ended: a reader that read their
   * rows just before the change may have kept a rendered copy meanwhile.
   */
  public void evictAfterCompletion(
      TransactionSynchronizationRegistry transactions, Collection<String> traceIds) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            evict(traceIds);
          }
        });
  }

  /** Reads answered from the cache, and reads that were not. */
  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }
}
