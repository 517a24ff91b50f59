package dev.workflowtracing.workflow.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RunIdsTest {

  @Test
  void runIdsAreVersion7UuidsThatSortByTheMillisecondTheyWereMadeIn() {
    AtomicLong clock = new AtomicLong(1_796_000_000_123L);
    RunIds ids = new RunIds(clock::get);

    String first = ids.generate();
    clock.incrementAndGet();
    String second = ids.generate();

    UUID uuid = UUID.fromString(first);
    assertThat(uuid.version()).isEqualTo(7);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(1_796_000_000_123L);
    assertThat(second).isGreaterThan(first);
    assertThat(first)
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void runIdsMadeInTheSameMillisecondDiffer() {
    RunIds ids = new RunIds(() -> 1_796_000_000_123L);
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      made.add(ids.generate());
    }
    assertThat(made).hasSize(10_000);
    assertThat(RunIds.next()).isNotEqualTo(RunIds.next());
  }
}
