/**
 * Control over executing runs: admission while the heap is short ({@code HeapGuard}), the runs
 * executing on this server and their time limits and cancels ({@code RunControl}), and the port to
 * the stored run records ({@code RunLedger}). Recovery of runs whose server is gone lives in the
 * cluster package, which owns the leases it reads.
 */
package dev.workflowtracing.workflow.engine.control;
