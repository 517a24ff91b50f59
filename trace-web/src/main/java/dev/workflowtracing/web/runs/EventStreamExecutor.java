package dev.workflowtracing.web.runs;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;

/**
 * The executor that writes the event streams ({@link SseRelay}), apart from the container's default
 * one: a write can block on a slow client, and the default executor runs the workflows' nodes, so
 * watchers could otherwise stall the runs they watch. At most {@code maxAsync} writes at once.
 */
@ManagedExecutorDefinition(name = EventStreamExecutor.NAME, maxAsync = 16)
final class EventStreamExecutor {

  static final String NAME = "java:app/concurrent/EventStreams";

  private EventStreamExecutor() {}
}
