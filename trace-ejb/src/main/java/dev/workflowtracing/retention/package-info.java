/** Retention: an EJB timer that purges old runs and their traces in small batches. */
package dev.workflowtracing.retention;
