/**
 * The live relay: the events of a run that another server executes, for the streams of this one. A
 * server with such a stream asks on a topic ({@link RemoteRunWatches}); the server executing the
 * run publishes its numbered updates on another ({@link LivePublisher}, {@link RelayOutbox}), a
 * snapshot first; every server hears them and takes those it asked for into its {@code
 * RunsInFlight}. Nothing is published for a run nobody watches elsewhere.
 */
package dev.workflowtracing.workflow.live.relay;
