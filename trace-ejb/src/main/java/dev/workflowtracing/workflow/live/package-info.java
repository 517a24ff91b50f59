/**
 * Runs as they happen on this server: each run's state folded from the engine's events, numbered
 * for watchers that resume, a snapshot for watchers that join late. Per server
 * (docs/operations.md): a watcher reads the server that executes the run.
 */
package dev.workflowtracing.workflow.live;
