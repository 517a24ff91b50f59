/**
 * Several servers on one database: each holds a lease it renews ({@link
 * dev.workflowtracing.cluster.ServerLeases}); the runs of a server whose lease stops moving are
 * ended ABORTED by the others ({@link dev.workflowtracing.cluster.RunRecovery}), and a server
 * restarting ends those it left itself. A second server with the same identity refuses to start.
 */
package dev.workflowtracing.cluster;
