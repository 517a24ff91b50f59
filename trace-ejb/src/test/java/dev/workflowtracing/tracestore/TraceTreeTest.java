package dev.workflowtracing.tracestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTreeTest {

  @Test
  void ordersDepthFirstWithChildrenByStartTime() {
    List<SpanRecord> spans =
        List.of(
            span("c2", "root", 30),
            span("root", null, 0),
            span("c1", "root", 10),
            span("g1", "c1", 15),
            span("orphan", "missing", 5));

    List<TraceTree.Row> rows = TraceTree.depthFirst(spans);

    assertThat(rows)
        .extracting(r -> r.span().getSpanId(), TraceTree.Row::depth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("root", 0),
            org.assertj.core.groups.Tuple.tuple("c1", 1),
            org.assertj.core.groups.Tuple.tuple("g1", 2),
            org.assertj.core.groups.Tuple.tuple("c2", 1),
            org.assertj.core.groups.Tuple.tuple("orphan", 0));
    assertThat(rows.get(0).childCount()).isEqualTo(2);
  }

  @Test
  void aVeryDeepChainDoesNotOverflowTheStack() {
    List<SpanRecord> spans = new ArrayList<>();
    spans.add(span("s0", null, 0));
    for (int i = 1; i < 100_000; i++) {
      spans.add(span("s" + i, "s" + (i - 1), i));
    }

    List<TraceTree.Row> rows = TraceTree.depthFirst(spans);

    assertThat(rows).hasSize(100_000);
    assertThat(rows.get(99_999).depth()).isEqualTo(99_999);
  }

  private static SpanRecord span(String id, String parent, long start) {
    return new SpanRecord(
        "t",
        id,
        parent,
        id,
        "INTERNAL",
        "UNSET",
        null,
        start,
        start + 1,
        null,
        null,
        "{}",
        "[]",
        "[]",
        null);
  }
}
