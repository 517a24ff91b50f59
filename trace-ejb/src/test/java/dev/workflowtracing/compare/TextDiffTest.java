package dev.workflowtracing.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextDiffTest {

  private static TextDiff diff(String left, String right) {
    return TextDiff.of(
        "prompt",
        left == null ? null : new TextDiff.StoredText(left, false),
        right == null ? null : new TextDiff.StoredText(right, false));
  }

  private static List<String> rendered(TextDiff diff) {
    return diff.lines().stream().map(line -> line.op() + line.text()).toList();
  }

  @Test
  void keepsTheSameLinesAndMarksTheChangedOnes() {
    TextDiff diff = diff("a\nb\nc\nd", "a\nB\nc\nd\ne");
    assertThat(diff.changed()).isTrue();
    assertThat(rendered(diff)).containsExactly(" a", "-b", "+B", " c", " d", "+e");
  }

  @Test
  void aTextOnOneSideOnlyIsAllAddedOrAllRemoved() {
    assertThat(rendered(diff(null, "x\ny"))).containsExactly("+x", "+y");
    assertThat(rendered(diff("x", null))).containsExactly("-x");
    assertThat(diff(null, "").changed()).isTrue();
    assertThat(diff("same", "same").changed()).isFalse();
  }

  @Test
  void cutsVeryLongDiffs() {
    String left = "x\n".repeat(3 * TextDiff.MAX_LINES);
    String right = "y\n".repeat(3 * TextDiff.MAX_LINES);
    TextDiff diff = diff(left, right);
    assertThat(diff.cut()).isTrue();
    assertThat(diff.changed()).isTrue();
    assertThat(diff.lines()).hasSize(2 * TextDiff.MAX_LINES);
  }
}
