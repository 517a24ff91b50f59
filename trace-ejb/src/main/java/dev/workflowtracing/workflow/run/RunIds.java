package dev.workflowtracing.workflow.run;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * New run ids: version 7 UUIDs (RFC 9562), which begin with the millisecond they were made in. A
 * new run's row then lands at the end of the run table's primary key instead of at a random place
 * in it, which kept the embedded store's inserts fast as it grew (see TimeOrderedIdGenerator).
 */
public final class RunIds {

  private final LongSupplier epochMillis;

  private static final RunIds SYSTEM = new RunIds(System::currentTimeMillis);

  RunIds(LongSupplier epochMillis) {
    this.epochMillis = epochMillis;
  }

  /** A new run id, from the system clock. */
  public static String next() {
    return SYSTEM.generate();
  }

  String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = epochMillis.getAsLong() & 0xFFFF_FFFF_FFFFL; // 48 bits
    long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL); // version 7
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
    return new UUID(high, low).toString();
  }
}
