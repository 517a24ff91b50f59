/**
 * Threads of the application's own, below every other layer: the periodic tasks' scheduler, which
 * keeps running while the server drains.
 */
package dev.workflowtracing.concurrent;
