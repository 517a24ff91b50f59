package dev.workflowtracing.instrumentation;

import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Trace ids that begin with the second they were made in, as AWS X-Ray's do: 4 bytes of epoch
 * seconds, then 12 random bytes (the low 8, which ratio samplers read, stay wholly random). A new
 * trace's rows then land at the end of every index that starts with its trace id, instead of at a
 * random place in it: with random ids the embedded H2 store slowed as its indices outgrew its page
 * cache (docs/performance.md). Span ids stay random. Traces that callers start keep their own ids.
 */
final class TimeOrderedIdGenerator implements IdGenerator {

  private final LongSupplier epochMillis;

  TimeOrderedIdGenerator() {
    this(System::currentTimeMillis);
  }

  TimeOrderedIdGenerator(LongSupplier epochMillis) {
    this.epochMillis = epochMillis;
  }

  @Override
  public String generateSpanId() {
    return IdGenerator.random().generateSpanId();
  }

  @Override
  public String generateTraceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long seconds = epochMillis.getAsLong() / 1000;
    long high = (seconds << 32) | (random.nextInt() & 0xFFFF_FFFFL);
    long low;
    do {
      low = random.nextLong();
    } while (low == 0); // an all-zero id is invalid; the high half is never zero after 1970
    return TraceId.fromLongs(high, low);
  }
}
