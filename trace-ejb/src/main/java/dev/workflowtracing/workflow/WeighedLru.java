package dev.workflowtracing.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * A map bounded by the sum of its values' weights: the least recently used entries leave first once
 * the sum passes the bound, and a value heavier than the whole bound is not kept. Thread-safe (one
 * lock: each call is a few map operations).
 */
final class WeighedLru<K, V> {

  private final long maxWeight;
  private final Map<K, Weighed<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  private record Weighed<V>(V value, long weight) {}

  WeighedLru(long maxWeight) {
    this.maxWeight = maxWeight;
  }

  synchronized Optional<V> get(K key) {
    Weighed<V> entry = entries.get(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  /**
   * Puts the value under its key, unless {@code keepExisting} says the value there now is to stay
   * (it is then used as the most recent).
   */
  synchronized void merge(K key, V value, long valueWeight, BiPredicate<V, V> keepExisting) {
    Weighed<V> existing = entries.get(key);
    if (existing != null && keepExisting.test(existing.value(), value)) {
      return;
    }
    if (valueWeight > maxWeight) {
      if (existing != null) {
        entries.remove(key);
        weight -= existing.weight();
      }
      return;
    }
    Weighed<V> previous = entries.put(key, new Weighed<>(value, valueWeight));
    weight += valueWeight - (previous == null ? 0 : previous.weight());
    var eldest = entries.values().iterator();
    while (weight > maxWeight && eldest.hasNext()) {
      weight -= eldest.next().weight();
      eldest.remove();
    }
  }

  synchronized long weight() {
    return weight;
  }

  synchronized int size() {
    return entries.size();
  }
}
