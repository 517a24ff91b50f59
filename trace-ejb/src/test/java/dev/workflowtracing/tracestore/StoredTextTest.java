package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.json.JsonFactory;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StoredTextTest {

  @Test
  void removesNulAndCutsWithAMarker() {
    assertThat(StoredText.fit("a\0b", 10)).isEqualTo("ab");
    String cut = StoredText.fit("y".repeat(100), 40);
    assertThat(cut).hasSize(40).startsWith("yyy").endsWith("[truncated 60 chars]");
    assertThat(StoredText.fit(null, 5)).isNull();
  }

  @Test
  void jsonThatDoesNotFitIsReplacedByValidJsonSayingSo() {
    String json = "{\"name\":\"" + "y".repeat(2000) + "\"}";
    String fitted = StoredText.fitJsonObject(json, 1000);

    var object = JsonFactory.createReader(new StringReader(fitted)).readObject();
    assertThat(object.getBoolean("truncated")).isTrue();
    assertThat(object.getInt("originalLength")).isEqualTo(json.length());
    assertThat(fitted.length()).isLessThanOrEqualTo(1000);
    assertThat(StoredText.fitJsonObject("{}", 10)).isEqualTo("{}");
  }
}
