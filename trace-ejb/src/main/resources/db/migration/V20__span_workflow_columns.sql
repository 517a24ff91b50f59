-- Every span the engine makes says which workflow and version it ran for, in columns of its own,
-- next to its node id and role (V6): a node's executions across runs are then one indexed range
-- (GET /api/workflows/{id}/nodes/{node}/executions) instead of LIKE over the attribute JSON.
-- Foreign spans (OTLP, import) keep null: they belong to no node of ours.
alter table spans add column workflow_id varchar(100);
alter table spans add column workflow_version integer;
-- Spans stored before this version take their run's workflow (one trace, one run).
update spans set (workflow_id, workflow_version) = (
    select r.workflow_id, r.workflow_version from runs r where r.trace_id = spans.trace_id
    fetch first 1 row only)
  where foreign_span = false;
-- On PostgreSQL an index of the partitioned table: every partition, made now or later, gets one.
create index spans_workflow_node on spans (workflow_id, node_id, span_role, start_nanos);
