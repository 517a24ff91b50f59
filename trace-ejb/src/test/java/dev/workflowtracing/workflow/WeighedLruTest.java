package dev.workflowtracing.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeighedLruTest {

  private static boolean never(String kept, String offered) {
    return false;
  }

  @Test
  void theLeastRecentlyUsedLeaveFirstOnceTheWeightPassesTheBound() {
    WeighedLru<String, String> cache = new WeighedLru<>(100);
    cache.merge("a", "A", 40, WeighedLruTest::never);
    cache.merge("b", "B", 40, WeighedLruTest::never);
    cache.get("a"); // a is now the most recent
    cache.merge("c", "C", 40, WeighedLruTest::never);

    assertEquals(Optional.of("A"), cache.get("a"));
    assertEquals(Optional.empty(), cache.get("b"));
    assertEquals(Optional.of("C"), cache.get("c"));
    assertEquals(80, cache.weight());
  }

  @Test
  void aValueHeavierThanTheBoundIsNotKeptAndTakesTheOldValueOfItsKeyAway() {
    WeighedLru<String, String> cache = new WeighedLru<>(100);
    cache.merge("a", "A1", 10, WeighedLruTest::never);
    cache.merge("a", "A2", 101, WeighedLruTest::never);

    assertEquals(Optional.empty(), cache.get("a"));
    assertEquals(0, cache.weight());
  }

  @Test
  void keepExistingDecidesWhetherAValueReplacesTheOneThere() {
    WeighedLru<String, Integer> cache = new WeighedLru<>(100);
    cache.merge("w", 5, 10, (kept, offered) -> kept > offered);
    cache.merge("w", 3, 20, (kept, offered) -> kept > offered);
    assertEquals(Optional.of(5), cache.get("w"));
    assertEquals(10, cache.weight());

    cache.merge("w", 7, 30, (kept, offered) -> kept > offered);
    assertEquals(Optional.of(7), cache.get("w"));
    assertEquals(30, cache.weight());
  }

  @Test
  void theWeightNeverPassesTheBoundWhateverIsPut() {
    Random random = new Random(20261203);
    WeighedLru<Integer, Integer> cache = new WeighedLru<>(1_000);
    for (int i = 0; i < 20_000; i++) {
      int weight = random.nextInt(300);
      cache.merge(random.nextInt(500), weight, weight, (kept, offered) -> random.nextBoolean());
      assertTrue(cache.weight() <= 1_000, "weight " + cache.weight() + " after put " + i);
    }
    assertTrue(cache.size() > 0);
  }
}
