package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracedInterceptorTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final TracedInterceptor interceptor = interceptor(provider.get("test"));

  @AfterEach
  void closeProvider() {
    provider.close();
  }

  static TracedInterceptor interceptor(Tracer tracer) {
    TracedInterceptor interceptor = new TracedInterceptor();
    interceptor.tracerHolder = new TracerHolder();
    interceptor.tracerHolder.use(tracer);
    return interceptor;
  }

  record Operation(String spanName) implements TracedOperation {
    @Override
    public Attributes spanAttributes() {
      return Attributes.of(AttributeKey.stringKey("op"), spanName);
    }
  }

  @Test
  void whilePausedNewTracesAreNotRecordedButTracesInFlightFinish() throws Exception {
    interceptor.tracerHolder.pause(true);
    interceptor.trace(new CallInvocation(() -> "untraced", new Operation("new run")));
    interceptor.tracerHolder.pause(false);
    interceptor.trace(
        new CallInvocation(
            () -> {
              interceptor.tracerHolder.pause(true);
              return interceptor.trace(new CallInvocation(() -> "done", new Operation("node")));
            },
            new Operation("run in flight")));

    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("node", "run in flight");
    assertThat(interceptor.tracerHolder.recording()).isFalse();
  }

  @Test
  void aRunStartedWhilePausedStaysUntracedWhenRecordingResumes() throws Exception {
    interceptor.tracerHolder.pause(true);
    interceptor.trace(
        new CallInvocation(
            () -> {
              interceptor.tracerHolder.pause(false);
              return interceptor.trace(new CallInvocation(() -> "done", new Operation("node")));
            },
            new Operation("run started paused")));

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
    interceptor.trace(new CallInvocation(() -> "traced", new Operation("next run")));
    assertThat(exporter.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("next run");
  }

  @Test
  void nestedCallsBecomeChildSpans() throws Exception {
    Object result =
        interceptor.trace(
            new CallInvocation(
                () -> interceptor.trace(new CallInvocation(() -> "done", new Operation("inner"))),
                new Operation("outer")));

    assertThat(result).isEqualTo("done");
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).extracting(SpanData::getName).containsExactly("inner", "outer");
    SpanData inner = spans.get(0);
    SpanData outer = spans.get(1);
    assertThat(inner.getParentSpanId()).isEqualTo(outer.getSpanId());
    assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
    assertThat(outer.getAttributes().get(AttributeKey.stringKey("op"))).isEqualTo("outer");
  }

  @Test
  void exceptionsAreRecordedWithErrorStatusAndRethrown() {
    IllegalStateException boom = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                interceptor.trace(
                    new CallInvocation(
                        () -> {
                          throw boom;
                        },
                        new Operation("failing"))))
        .isSameAs(boom);

    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("boom");
    assertThat(span.getEvents())
        .singleElement()
        .satisfies(e -> assertThat(e.getName()).isEqualTo("exception"));
    assertThat(span.hasEnded()).isTrue();
  }

  @Test
  void anOutcomeDescribesItsSpanAndTheScopeIsClosedAfterwards() throws Exception {
    TracedOutcome outcome = span -> span.setAttribute("outcome", "fine");

    interceptor.trace(new CallInvocation(() -> outcome, new Operation("with-outcome")));

    assertThat(
            exporter
                .getFinishedSpanItems()
                .get(0)
                .getAttributes()
                .get(AttributeKey.stringKey("outcome")))
        .isEqualTo("fine");
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void callsWithoutAnOperationRunUntraced() throws Exception {
    assertThat(interceptor.trace(new CallInvocation(() -> 42, "not an operation"))).isEqualTo(42);
    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aBrokenTracerNeverFailsTheCall() throws Exception {
    TracedInterceptor broken =
        interceptor(
            new Tracer() {
              @Override
              public io.opentelemetry.api.trace.SpanBuilder spanBuilder(String name) {
                throw new IllegalStateException("tracer is broken");
              }
            });

    assertThat(broken.trace(new CallInvocation(() -> "ran", new Operation("x")))).isEqualTo("ran");
  }
}
