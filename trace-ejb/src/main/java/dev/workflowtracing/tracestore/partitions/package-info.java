/**
 * Time partitions of the tables that grow with the traffic (PostgreSQL): spans by start time, runs
 * by start time, one partition per interval ({@code tracing.persistence.partition-interval}) and a
 * default partition for whatever no interval holds. Which exist, creating one, dropping one. H2
 * keeps plain tables: there is nothing here to do.
 */
package dev.workflowtracing.tracestore.partitions;
