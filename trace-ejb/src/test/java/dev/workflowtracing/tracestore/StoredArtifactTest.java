package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoredArtifactTest {

  @Test
  void artifactsRoundTripThroughTheirColumn() {
    List<StoredArtifact> artifacts =
        List.of(
            StoredArtifact.capped(0, "prompt", "text/plain", "Say \"hi\"\n\u00e9", 0, 100),
            StoredArtifact.capped(1, "response", "text/plain", "x".repeat(30), 0, 10));

    List<StoredArtifact> read = StoredArtifact.fromJson(StoredArtifact.toJson(artifacts));

    assertThat(read).isEqualTo(artifacts);
    assertThat(read.get(1).content()).hasSize(10);
    assertThat(read.get(1).truncated()).isTrue();
    assertThat(read.get(1).originalLength()).isEqualTo(30);
    assertThat(StoredArtifact.toJson(List.of())).isNull();
  }

  @Test
  void whatWouldOverflowTheColumnIsCutLongestFirst() {
    // Control characters are written as six-character escapes: 1,000 of them take 6,000.
    String escaped = "\u0001".repeat(1_000);
    List<StoredArtifact> artifacts =
        List.of(
            StoredArtifact.capped(0, "input", "application/json", "{}", 0, 10_000),
            StoredArtifact.capped(1, "response", "text/plain", escaped, 0, 10_000));

    String json = StoredArtifact.toJson(artifacts, 2_000);

    assertThat(json.length()).isLessThanOrEqualTo(2_000);
    List<StoredArtifact> read = StoredArtifact.fromJson(json);
    assertThat(read.get(0).content()).isEqualTo("{}");
    assertThat(read.get(1).content()).isNotEmpty().hasSizeLessThan(1_000);
    assertThat(read.get(1).truncated()).isTrue();
    assertThat(read.get(1).originalLength()).isEqualTo(1_000);
  }
}
