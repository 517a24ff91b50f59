package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

class AttributeFilterTest {

  @Test
  void indexedKeysAreAListOrEverything() {
    IndexedAttributes some = IndexedAttributes.parse(" workflow.node.id , gen_ai.system ,");
    assertThat(some.contains("workflow.node.id")).isTrue();
    assertThat(some.contains("gen_ai.usage.input_tokens")).isFalse();
    assertThat(IndexedAttributes.parse("*").contains("anything")).isTrue();
    assertThat(IndexedAttributes.parse("none").keys()).isEmpty();
    assertThat(IndexedAttributes.parse("none").contains("none")).isFalse();
  }

  @Test
  void unindexedAttributesAreMatchedAsTheSpanJsonWritesThem() {
    // SpanRows writes attributes with JSON-P: {"key":"text"} and {"key":3}.
    assertThat(SpanMatch.jsonPair("workflow.run.trigger", Json.createValue("api")))
        .isEqualTo("\"workflow.run.trigger\":\"api\"");
    assertThat(SpanMatch.jsonPair("quote\"d", Json.createValue("a\"b")))
        .isEqualTo("\"quote\\\"d\":\"a\\\"b\"");
    assertThat(SpanMatch.jsonPair("workflow.node.max_attempts", null) + "3")
        .isEqualTo("\"workflow.node.max_attempts\":3");
    assertThat(SpanMatch.escapeLike("100%_sure!")).isEqualTo("100!%!_sure!!");
  }
}
