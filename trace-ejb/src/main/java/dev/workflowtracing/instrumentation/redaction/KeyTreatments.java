package dev.workflowtracing.instrumentation.redaction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What happens to an attribute or JSON field by its key: kept, masked, or dropped. */
final class KeyTreatments {

  enum Treatment {
    KEEP,
    MASK,
    DROP
  }

  // Span attribute keys are few and repeat on every span: decide once per key (bounded, as JSON
  // input keys are the user's).
  private static final int MAX_REMEMBERED_KEYS = 10_000;

  private final RedactionSettings settings;
  private final MaskKeys maskKeys;
  private final Map<String, Treatment> byKey = new ConcurrentHashMap<>();

  KeyTreatments(RedactionSettings settings, MaskKeys maskKeys) {
    this.settings = settings;
    this.maskKeys = maskKeys;
  }

  Treatment of(String key) {
    Treatment treatment = byKey.get(key);
    if (treatment == null) {
      treatment = isDropped(key) ? Treatment.DROP : isMasked(key) ? Treatment.MASK : Treatment.KEEP;
      if (byKey.size() < MAX_REMEMBERED_KEYS) {
        byKey.put(key, treatment);
      }
    }
    return treatment;
  }

  /** Whether the value under this key is hidden, as a JSON field's is when masked or dropped. */
  boolean hides(String key) {
    return of(key) != Treatment.KEEP;
  }

  private boolean isDropped(String key) {
    if (!settings.enabled()) {
      return false;
    }
    for (String drop : settings.dropKeys()) {
      if (drop.endsWith("*")
          ? key.startsWith(drop.substring(0, drop.length() - 1))
          : key.equals(drop)) {
        return true;
      }
    }
    return false;
  }

  private boolean isMasked(String key) {
    return settings.enabled() && maskKeys.matches(key);
  }
}
