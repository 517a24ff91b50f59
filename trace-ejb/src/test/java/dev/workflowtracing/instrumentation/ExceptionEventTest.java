package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExceptionEventTest {

  private static StackTraceElement frame(String type, String method) {
    return new StackTraceElement(
        type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", 10);
  }

  @Test
  void containerFramesFoldIntoOneLineAndTheWorkflowsFramesStay() {
    IllegalStateException failure = new IllegalStateException("gateway refused");
    failure.setStackTrace(
        new StackTraceElement[] {
          frame("dev.workflowtracing.workflow.nodes.FailNode", "execute"),
          frame("dev.workflowtracing.workflow.nodes.FailNode$Proxy$_$$_WeldClientProxy", "execute"),
          frame("dev.workflowtracing.workflow.engine.execution.AttemptRunner", "attempt"),
          frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0"),
          frame("java.lang.reflect.Method", "invoke"),
          frame("org.jboss.invocation.InterceptorContext", "proceed"),
          frame("dev.workflowtracing.instrumentation.TracedInterceptor", "trace"),
          frame("org.jboss.as.ejb3.tx.CMTTxInterceptor", "required"),
          frame("java.lang.Thread", "run")
        });

    assertThat(ExceptionEvent.stackTrace(failure))
        .isEqualTo(
            """
            java.lang.IllegalStateException: gateway refused
            \tat dev.workflowtracing.workflow.nodes.FailNode.execute(FailNode.java:10)
            \t... 1 container frame
            \tat dev.workflowtracing.workflow.engine.execution.AttemptRunner.attempt(AttemptRunner.java:10)
            \t... 3 container frames
            \tat dev.workflowtracing.instrumentation.TracedInterceptor.trace(TracedInterceptor.java:10)
            \t... 1 container frame
            \tat java.lang.Thread.run(Thread.java:10)
            """);
  }

  @Test
  void causesFollowAndALoopingChainEnds() {
    RuntimeException outer = new RuntimeException("outer");
    IllegalArgumentException inner = new IllegalArgumentException("inner", outer);
    outer.initCause(inner);
    outer.setStackTrace(new StackTraceElement[] {frame("org.jboss.Foo", "bar")});
    inner.setStackTrace(new StackTraceElement[] {frame("dev.workflowtracing.X", "y")});

    assertThat(ExceptionEvent.stackTrace(outer))
        .isEqualTo(
            """
            java.lang.RuntimeException: outer
            \t... 1 container frame
            Caused by: java.lang.IllegalArgumentException: inner
            \tat dev.workflowtracing.X.y(X.java:10)
            """);
  }
}
