package dev.workflowtracing.workflow.engine.execution;

import dev.workflowtracing.workflow.run.RunEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The engine's event port in a test: keeps what was fired and hands it to a listener. */
final class RecordedRunEvents implements Event<RunEvent> {

  private final List<RunEvent> fired = new CopyOnWriteArrayList<>();
  private final Consumer<RunEvent> listener;

  RecordedRunEvents(Consumer<RunEvent> listener) {
    this.listener = listener;
  }

  List<RunEvent> fired() {
    return fired;
  }

  @Override
  public void fire(RunEvent event) {
    fired.add(event);
    listener.accept(event);
  }

  @Override
  public <U extends RunEvent> CompletionStage<U> fireAsync(U event) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends RunEvent> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Event<RunEvent> select(Annotation... qualifiers) {
    return this;
  }

  @Override
  public <U extends RunEvent> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends RunEvent> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }
}
