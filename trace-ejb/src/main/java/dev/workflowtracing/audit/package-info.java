/**
 * The audit trail: who deleted a trace, paused or resumed recording, saved a workflow version,
 * cancelled a run, imported traces, purged, or failed to log in, and (if configured) who opened a
 * span's artifacts. Stored in the database, so that every server of a cluster writes and reads one
 * trail; purged by retention after its own number of days. Never holds a password or a token.
 */
package dev.workflowtracing.audit;
