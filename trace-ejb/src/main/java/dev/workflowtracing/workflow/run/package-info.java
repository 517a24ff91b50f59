/**
 * What a run is, for every layer that shows or stores one: its statuses, the events it publishes,
 * its result, its ids and the reasons it can be cut off. No behaviour of the engine lives here.
 */
package dev.workflowtracing.workflow.run;
