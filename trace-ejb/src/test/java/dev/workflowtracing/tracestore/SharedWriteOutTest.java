package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedWriteOutTest {

  /** One write-out: when it began and ended, on a clock that only goes up. */
  record Interval(long began, long ended) {}

  private final AtomicLong clock = new AtomicLong();
  private final List<Interval> writeOuts = new CopyOnWriteArrayList<>();

  private final SharedWriteOut shared =
      new SharedWriteOut(
          () -> {
            long began = clock.incrementAndGet();
            sleep(2);
            writeOuts.add(new Interval(began, clock.incrementAndGet()));
          });

  @Test
  void aLoneCallerRunsOneWriteOutItself() {
    long called = clock.incrementAndGet();
    shared.await();
    assertThat(writeOuts)
        .singleElement()
        .satisfies(w -> assertThat(w.began()).isGreaterThan(called));
  }

  @Test
  void everyCallerIsCoveredByAWriteOutBegunAfterItsCallAndCallersTogetherShareThem()
      throws Exception {
    int callers = 200;
    ExecutorService threads = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Interval>> calls = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      calls.add(
          threads.submit(
              () -> {
                go.await();
                long called = clock.incrementAndGet();
                shared.await();
                return new Interval(called, clock.incrementAndGet());
              }));
    }
    go.countDown();
    for (Future<Interval> call : calls) {
      Interval waited = call.get(30, TimeUnit.SECONDS);
      assertThat(writeOuts)
          .as("a write-out begun after the call at %d and ended before it returned", waited.began())
          .anySatisfy(
              w -> {
                assertThat(w.began()).isGreaterThan(waited.began());
                assertThat(w.ended()).isLessThan(waited.ended());
              });
    }
    threads.shutdown();
    assertThat(shared.count()).isEqualTo(writeOuts.size()).isLessThan(callers / 4);
    // Never two at once: each began after the one before it ended.
    for (int i = 1; i < writeOuts.size(); i++) {
      assertThat(writeOuts.get(i).began()).isGreaterThan(writeOuts.get(i - 1).ended());
    }
  }

  @Test
  void anInterruptedCallerReturnsWithItsFlagSet() throws Exception {
    CountDownLatch inWriteOut = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SharedWriteOut slow =
        new SharedWriteOut(
            () -> {
              inWriteOut.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Thread first = new Thread(slow::await);
    first.start();
    inWriteOut.await();
    boolean[] interrupted = new boolean[1];
    Thread second =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              slow.await();
              interrupted[0] = Thread.currentThread().isInterrupted();
            });
    second.start();
    second.join(5_000);
    assertThat(second.isAlive()).isFalse();
    assertThat(interrupted[0]).isTrue();
    release.countDown();
    first.join(5_000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
