package dev.workflowtracing.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedJsonTest {

  @Test
  void readsOrdinaryJson() {
    JsonObject value = (JsonObject) read("{\"a\":[1,2.5,-3e10,true,null,\"x\"],\"b\":{\"c\":{}}}");
    assertThat(value.getJsonArray("a")).hasSize(6);
    assertThat(value.getJsonArray("a").getJsonNumber(2).doubleValue()).isEqualTo(-3e10);
    assertThat(read("")).isNull();
    assertThat(read(" \n ")).isNull();
  }

  @Test
  void refusesWhatIsNestedTooDeep() {
    String ok = "[".repeat(64) + "]".repeat(64);
    assertThat(read(ok)).isNotNull();
    assertThatThrownBy(() -> read("{\"a\":".repeat(1100) + "1" + "}".repeat(1100)))
        .isInstanceOf(BoundedJson.InvalidJsonException.class)
        .hasMessageContaining("nested more than 64 levels");
  }

  @Test
  void refusesNumbersTooLongOrTooLarge() {
    assertThatThrownBy(() -> read("{\"n\":" + "9".repeat(1200) + "}"))
        .hasMessageContaining("a number of 1200 characters");
    assertThatThrownBy(() -> read("{\"n\":1e2147483648}")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> read("[1e1001]")).hasMessageContaining("out of range");
    assertThat(read("[1e300, 0e99999]")).isNotNull();
  }

  @Test
  void refusesMalformedJson() {
    assertThatThrownBy(() -> read("{\"a\":")).hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> read("{} {}")).hasMessageStartingWith("not valid JSON");
  }

  private static Object read(String text) {
    return BoundedJson.read(new StringReader(text));
  }
}
