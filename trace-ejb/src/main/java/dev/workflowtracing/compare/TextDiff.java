package dev.workflowtracing.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of one text of a node on both sides (its input, prompt, response, output …): every
 * line of both texts in order, each kept ({@code " "}), only on the left ({@code "-"}) or only on
 * the right ({@code "+"}); Myers' algorithm, as {@code diff} and {@code git diff} use.
 *
 * @param kind the artifact's kind
 * @param changed the texts differ, or only one side has one
 * @param truncated either text was cut before it was stored, so the diff covers what was kept
 * @param cut a text had more than {@value #MAX_LINES} lines: the diff covers its first ones
 */
public record TextDiff(
    String kind, boolean changed, boolean truncated, boolean cut, List<Line> lines) {

  /**
   * Lines of each side diffed. Stored texts are capped, but lines can be very short, and two
   * entirely different texts cost the diff time by their number of lines squared: two of 2,000
   * lines take under 0.1 s.
   */
  static final int MAX_LINES = 2_000;

  public record Line(String op, String text) {}

  static TextDiff of(String kind, StoredText left, StoredText right) {
    List<String> leftAll = lines(left);
    List<String> rightAll = lines(right);
    boolean cut = leftAll.size() > MAX_LINES || rightAll.size() > MAX_LINES;
    List<String> leftLines = leftAll.subList(0, Math.min(MAX_LINES, leftAll.size()));
    List<String> rightLines = rightAll.subList(0, Math.min(MAX_LINES, rightAll.size()));
    List<Line> lines = new ArrayList<>();
    int leftAt = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(leftLines, rightLines).getDeltas()) {
      int start = delta.getSource().getPosition();
      for (; leftAt < start; leftAt++) {
        lines.add(new Line(" ", leftLines.get(leftAt)));
      }
      delta.getSource().getLines().forEach(line -> lines.add(new Line("-", line)));
      delta.getTarget().getLines().forEach(line -> lines.add(new Line("+", line)));
      leftAt = start + delta.getSource().size();
    }
    for (; leftAt < leftLines.size(); leftAt++) {
      lines.add(new Line(" ", leftLines.get(leftAt)));
    }
    boolean changed = !leftAll.equals(rightAll) || (left == null) != (right == null);
    return new TextDiff(
        kind,
        changed,
        (left != null && left.truncated()) || (right != null && right.truncated()),
        cut,
        List.copyOf(lines));
  }

  private static List<String> lines(StoredText text) {
    return text == null || text.text().isEmpty() ? List.of() : List.of(text.text().split("\n", -1));
  }

  /** One side's text of a kind, as stored. */
  record StoredText(String text, boolean truncated) {}
}
