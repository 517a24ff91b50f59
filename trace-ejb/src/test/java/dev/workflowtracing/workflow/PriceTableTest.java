package dev.workflowtracing.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PriceTableTest {

  private final PriceTable prices =
      PriceTable.parse("sim-small=0.15/0.60, sim-large=3/15 ,meta/llama-3:8b=0.2/0.4", "USD");

  @Test
  void aCallCostsItsTokensTimesThePricesPerMillionInBillionths() {
    // 1,000 input tokens at 0.15 per million and 500 output at 0.60: 0.00015 + 0.0003 = 0.00045
    assertThat(prices.costNanos("sim-small", 1_000, 500)).hasValue(450_000);
    assertThat(prices.costNanos("sim-large", 1_000_000, 1_000_000)).hasValue(18_000_000_000L);
    assertThat(prices.costNanos("meta/llama-3:8b", 10, 0)).hasValue(2_000);
  }

  @Test
  void aModelWithoutAPriceHasNoCostRatherThanZero() {
    assertThat(prices.costNanos("unpriced", 1_000, 1_000)).isEqualTo(OptionalLong.empty());
    assertThat(prices.costNanos(null, 1, 1)).isEmpty();
    assertThat(PriceTable.parse("", "EUR").byModel()).isEmpty();
  }

  @Test
  void anEntryThatDoesNotParseNamesTheKeyAndTheEntry() {
    assertThatThrownBy(() -> PriceTable.parse("sim-small=0.15", "USD"))
        .hasMessageContaining("workflow.llm.prices")
        .hasMessageContaining("'sim-small=0.15'");
    assertThatThrownBy(() -> PriceTable.parse("sim-small=abc/1", "USD"))
        .hasMessageContaining("'abc' where a price is expected");
    assertThatThrownBy(() -> PriceTable.parse("sim-small=-1/1", "USD"))
        .hasMessageContaining("outside 0 to");
    assertThatThrownBy(() -> PriceTable.parse("a=1/1,a=2/2", "USD"))
        .hasMessageContaining("a second time");
    assertThatThrownBy(() -> PriceTable.parse("=1/1", "USD")).hasMessageContaining("'=1/1'");
    assertThatThrownBy(() -> PriceTable.parse("a=1/1", "dollars"))
        .hasMessageContaining("workflow.llm.currency");
  }
}
