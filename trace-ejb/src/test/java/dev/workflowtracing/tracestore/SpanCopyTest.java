package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpanCopyTest {

  private static String field(String value) {
    return SpanCopy.field(new StringBuilder(), value).toString();
  }

  @Test
  void copysTextFormatEscapesWhatWouldEndAFieldOrARow() {
    assertThat(field("a\tb\nc\rd\\e")).isEqualTo("a\\tb\\nc\\rd\\\\e");
    assertThat(field("{\"prompt\": \"Say \\\"hi\\\"\"}"))
        .isEqualTo("{\"prompt\": \"Say \\\\\"hi\\\\\"\"}");
  }

  @Test
  void nullIsCopysNullMarkerAndAnEmptyTextStaysEmpty() {
    assertThat(field(null)).isEqualTo("\\N");
    assertThat(field("")).isEmpty();
    assertThat(field("\\N")).isEqualTo("\\\\N");
  }
}
